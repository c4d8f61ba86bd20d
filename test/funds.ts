import type { Db, Tx } from '../db/client.ts';
import { createFund } from '../db/queries/funds.ts';
import { accounts, balanceOf } from '../db/queries/ledger.ts';
import { DEFAULT_FUND_RULES, NO_RESTRICTIONS } from '../domain/funds/defaults.ts';
import type { PriorityEducation } from '../domain/schools.ts';
import { uaiCheckLetter } from '../domain/schools.ts';
import { insertAcademy, insertProject, insertUser } from './fixtures.ts';
import { recordPaidDonation } from './money.ts';

let schoolCount = 0;

/** A school with the given priority facts (default: an ordinary école in Lille, Nord), returns its UAI. */
export async function insertFundSchool(
  db: Tx,
  school: { priorityEducation?: PriorityEducation; rural?: boolean; ips?: number | null; academy?: string } = {},
): Promise<string> {
  await insertAcademy(db);
  const academy = school.academy ?? 'lille';
  await db`insert into academies (code, name) values (${academy}, ${academy}) on conflict do nothing`;
  schoolCount += 1;
  const digits = String(9_000_000 + schoolCount);
  const uai = `${digits}${uaiCheckLetter(digits)}`;
  await db`
    insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education,
                         rural, ips)
    values (${uai}, ${`École ${digits}`}, 'ecole_elementaire', 'premier', ${academy},
            ${academy === 'lille' ? '59' : '34'}, 'Commune', 'public', ${school.priorityEducation ?? 'none'},
            ${school.rural ?? false}, ${school.ips === undefined ? 105 : school.ips})`;
  return uai;
}

/** A porteur of the académie of Lille, to own test projects. */
export async function insertFundPorteur(db: Tx): Promise<number> {
  await insertAcademy(db);
  return (await insertUser(db, 'porteur')).id;
}

/** What a test fund sets; the rest is unrestricted, with the default rules. */
export interface TestFund {
  name?: string;
  endowmentCents?: number;
  isGeneralSolidarity?: boolean;
  academies?: string[];
  themes?: string[];
  prioritySchoolsOnly?: boolean;
}

/** A fund valid from 30 days ago for a year, endowed by its sponsor with its whole budget; returns its id. */
export async function insertFund(db: Db, fund: TestFund = {}): Promise<number> {
  const { name = 'Fonds de test', endowmentCents = 1_000_000, isGeneralSolidarity = false, ...restrictions } = fund;
  return db.begin(async (tx) => {
    const [validity] = await tx<{ validFrom: string; validUntil: string }[]>`
      select (current_date - 30)::text as valid_from, (current_date + 335)::text as valid_until`;
    return createFund(tx, {
      name,
      sponsorName: 'Mécène de test',
      budgetCents: endowmentCents,
      ...(validity as { validFrom: string; validUntil: string }),
      isGeneralSolidarity,
      restrictions: { ...NO_RESTRICTIONS, ...restrictions },
      rules: DEFAULT_FUND_RULES,
    });
  });
}

/**
 * A collecting project ending in daysLeft days (default 30) of a 30-day campaign (longer when daysLeft is), so past
 * its half when 15 days or fewer are left; optimum 1.5 × minimum. Returns its id.
 */
export async function insertPublishedProject(
  db: Tx,
  project: {
    schoolUai: string;
    porteurId: number;
    minimumGoalCents?: number;
    optimumGoalCents?: number;
    daysLeft?: number;
  },
): Promise<number> {
  const minimum = project.minimumGoalCents ?? 180_000;
  const daysLeft = project.daysLeft ?? 30;
  const campaignDays = Math.max(30, daysLeft);
  const projectId = await insertProject(db, {
    schoolUai: project.schoolUai,
    porteurId: project.porteurId,
    minimumGoalCents: minimum,
    optimumGoalCents: project.optimumGoalCents ?? Math.round(minimum * 1.5),
    campaignDays,
    campaignEndsInDays: daysLeft,
  });
  await db`update projects set campaign_starts_at = campaign_ends_at - make_interval(days => ${campaignDays})
           where id = ${projectId}`;
  return projectId;
}

/** Paid gifts from distinct donors, each recorded in the ledger from Stripe to the project. */
export async function insertPaidDonations(
  db: Db,
  projectId: number,
  gifts: { count: number; amountCents: number },
): Promise<void> {
  for (let index = 0; index < gifts.count; index += 1) {
    await recordPaidDonation(db, { projectId, amountCents: gifts.amountCents });
  }
}

/** A fund's available and reserved balances, from the ledger. */
export async function fundBalances(db: Tx, fundId: number): Promise<{ available: number; reserved: number }> {
  return {
    available: await balanceOf(db, accounts.fundAvailable(fundId).code),
    reserved: await balanceOf(db, accounts.fundReserved(fundId).code),
  };
}

/**
 * Closes every collecting campaign and ends every fund's validity: a fund shares its money among all collecting
 * projects, so each test of the engine starts with no active fund and none collecting.
 */
export async function retireCampaignsAndFunds(db: Tx): Promise<void> {
  await db`update projects set status = 'closed' where status = 'published'`;
  await db`update funds set valid_from = current_date - 60, valid_until = current_date - 31`;
}
