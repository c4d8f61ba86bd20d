import type { Db, Tx } from '../db/client.ts';
import { accounts, balanceOf, postMovement } from '../db/queries/ledger.ts';
import type { PriorityEducation } from '../domain/schools.ts';
import { uaiCheckLetter } from '../domain/schools.ts';
import { insertAcademy, insertUser } from './fixtures.ts';

let schoolCount = 0;
let donorCount = 0;

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

/** Restrictions and rules of a test fund, as the funds table names them (defaults: the table's). */
export interface TestFund {
  name?: string;
  endowmentCents?: number;
  isGeneralSolidarity?: boolean;
  academies?: string[];
  themes?: string[];
  prioritySchoolsOnly?: boolean;
  seedingShareBp?: number;
  seedingCapCents?: number;
  topupCapCents?: number;
}

/** A fund valid from 30 days ago for a year, endowed by its sponsor with its whole budget; returns its id. */
export async function insertFund(db: Db, fund: TestFund = {}): Promise<number> {
  const endowment = fund.endowmentCents ?? 1_000_000;
  const [row] = await db<{ id: number }[]>`
    insert into funds (name, sponsor_name, budget_cents, valid_from, valid_until, is_general_solidarity, themes,
                       academies, priority_schools_only, seeding_share_bp, seeding_cap_cents, topup_cap_cents)
    values (${fund.name ?? 'Fonds de test'}, 'Mécène de test', ${endowment}, current_date - 30, current_date + 335,
            ${fund.isGeneralSolidarity ?? false}, ${fund.themes ?? []}::text[], ${fund.academies ?? []}::text[],
            ${fund.prioritySchoolsOnly ?? false}, ${fund.seedingShareBp ?? 2000}, ${fund.seedingCapCents ?? 50_000},
            ${fund.topupCapCents ?? 100_000})
    returning id`;
  const id = (row as { id: number }).id;
  if (endowment > 0) {
    await db.begin((tx) =>
      postMovement(tx, {
        kind: 'fund_endowment',
        idempotencyKey: `test-fund-endowment-${id}`,
        description: `Dotation du fonds ${id}`,
        lines: [
          {
            account: { code: `sponsor:${id}:contributions`, kind: 'sponsor_contributions', name: 'Mécène', fundId: id },
            amountCents: -endowment,
          },
          { account: accounts.fundAvailable(id), amountCents: endowment },
        ],
      }),
    );
  }
  return id;
}

/** A collecting project (published today, ending in daysLeft days); returns its id. */
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
  const [row] = await db<{ id: number }[]>`
    insert into projects (school_uai, porteur_id, title, theme, levels, pupil_count, activity_starts_on,
                          activity_ends_on, minimum_goal_cents, optimum_goal_cents, status, campaign_starts_at,
                          campaign_ends_at)
    values (${project.schoolUai}, ${project.porteurId}, 'Classe de mer à Wimereux', 'classe_decouverte',
            ${['CM1', 'CM2']}, 24, current_date + 120, current_date + 123, ${minimum},
            ${project.optimumGoalCents ?? Math.round(minimum * 1.5)}, 'published', now(),
            now() + make_interval(days => ${project.daysLeft ?? 30}))
    returning id`;
  return (row as { id: number }).id;
}

/** Paid gifts from distinct donors, each recorded in the ledger from Stripe to the project. */
export async function insertPaidDonations(
  db: Db,
  projectId: number,
  gifts: { count: number; amountCents: number },
): Promise<void> {
  for (let index = 0; index < gifts.count; index += 1) {
    donorCount += 1;
    const [row] = await db<{ id: number }[]>`
      insert into donations (project_id, amount_cents, donor_name, donor_email, status, paid_at)
      values (${projectId}, ${gifts.amountCents}, 'Donateur', ${`donateur-${donorCount}@example.org`},
              'paid', now())
      returning id`;
    const donationId = (row as { id: number }).id;
    await db.begin((tx) =>
      postMovement(tx, {
        kind: 'donation_paid',
        idempotencyKey: `donation-paid-${donationId}`,
        description: `Don ${donationId}`,
        donationId,
        lines: [
          { account: accounts.stripeClearing(), amountCents: -gifts.amountCents },
          { account: accounts.project(projectId), amountCents: gifts.amountCents },
        ],
      }),
    );
  }
}

/** A fund's available and reserved balances, from the ledger. */
export async function fundBalances(db: Tx, fundId: number): Promise<{ available: number; reserved: number }> {
  return {
    available: await balanceOf(db, accounts.fundAvailable(fundId).code),
    reserved: await balanceOf(db, accounts.fundReserved(fundId).code),
  };
}
