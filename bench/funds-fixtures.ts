import type { Db } from '../db/client.ts';
import { createFund } from '../db/queries/funds.ts';
import { accounts, postMovement } from '../db/queries/ledger.ts';
import type { Fragment } from '../db/queries/paging.ts';
import { DEFAULT_FUND_RULES, NO_RESTRICTIONS } from '../domain/funds/defaults.ts';
import type { FundRestrictions } from '../domain/funds/types.ts';
import { LEVELS, THEMES } from '../domain/projects.ts';
import { PILOT_ACADEMIES } from '../domain/schools.ts';

/** The size of the benchmark's platform. */
export interface BenchSize {
  projects: number;
  schools: number;
  funds: number;
}

const DEPARTEMENTS = ['59', '62', '34', '30', '45', '37', '51', '08', '78', '92'];

/** Restrictions of the i-th fund: a mix of open funds, académie, theme, priority-only and level funds. */
function restrictionsOf(index: number): FundRestrictions {
  switch (index % 5) {
    case 1:
      return { ...NO_RESTRICTIONS, academies: [PILOT_ACADEMIES[index % PILOT_ACADEMIES.length] as string] };
    case 2:
      return { ...NO_RESTRICTIONS, themes: [THEMES[index % 9], THEMES[(index + 4) % 9]] as string[] };
    case 3:
      return { ...NO_RESTRICTIONS, prioritySchoolsOnly: true };
    case 4:
      return { ...NO_RESTRICTIONS, levels: ['CM1', 'CM2', '6e'], departements: DEPARTEMENTS.slice(0, 5) };
    default:
      return NO_RESTRICTIONS;
  }
}

/**
 * Loads a platform in full swing with set-based SQL: schools of every priority, collecting projects whose
 * deadlines spread over 60 days, 0 to 8 paid gifts each (with their ledger movements), funds endowed by
 * their sponsors, and reserved seedings for one project in ten. Triggers are off during the load only
 * (the generated movements are balanced), then the aggregates they keep are rebuilt; `db` must be a
 * single-connection client.
 */
export async function loadPlatform(db: Db, size: BenchSize): Promise<void> {
  await db`set session_replication_role = replica`;
  await db`insert into academies (code, name, pilot_enabled) select code, code, true from unnest(${[...PILOT_ACADEMIES]}::text[]) as code`;
  await db`
    insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education,
                         rural, ips)
    select lpad(i::text, 7, '0') || 'A', 'École ' || i,
           case when i % 3 = 0 then 'college' else 'ecole_elementaire' end,
           case when i % 3 = 0 then 'second' else 'premier' end,
           (${[...PILOT_ACADEMIES]}::text[])[1 + i % 5], (${DEPARTEMENTS}::text[])[1 + i % 10], 'Commune', 'public',
           case when i % 12 = 0 then 'rep_plus' when i % 12 in (1, 2) then 'rep' else 'none' end,
           i % 5 = 0, case when i % 7 = 0 then null else 60 + (i * 37) % 90 end
    from generate_series(1, ${size.schools}) as i`;
  await db`insert into users (email, display_name) values ('porteur@ac-lille.fr', 'Porteur du banc d’essai')`;
  await db`
    insert into projects (school_uai, porteur_id, title, theme, levels, pupil_count, activity_starts_on,
                          activity_ends_on, minimum_goal_cents, optimum_goal_cents, campaign_days, status,
                          campaign_starts_at, campaign_ends_at)
    select lpad((1 + i % ${size.schools})::text, 7, '0') || 'A', 1, 'Projet numéro ' || i,
           (${[...THEMES]}::text[])[1 + i % 9],
           array[(${[...LEVELS]}::text[])[1 + i % 15], (${[...LEVELS]}::text[])[1 + (i + 1) % 15]], 24,
           current_date + 120, current_date + 125, 50000 + (i * 7919) % 450001,
           (50000 + (i * 7919) % 450001) * 3 / 2, 60, 'published', now() - interval '20 days',
           now() + make_interval(secs => (i::bigint * 104729) % 5184000)
    from generate_series(1, ${size.projects}) as i`;
  // i % 9 gifts to project i, together worth 30 % to 100 % of its minimum
  await db`
    insert into donations (project_id, amount_cents, donor_name, donor_email, status, paid_at)
    select p.id, greatest(500, p.minimum_goal_cents * (30 + (p.id * 13) % 71) / 100 / (p.id % 9)), 'Donateur',
           'donateur-' || p.id || '-' || j || '@example.org', 'paid', now()
    from projects p cross join lateral generate_series(1, (p.id % 9)::int) as j`;
  await db`insert into ledger_accounts (code, kind, name) values ('stripe:clearing', 'stripe_clearing', 'Stripe')`;
  await db`
    insert into ledger_accounts (code, kind, name, project_id)
    select 'project:' || id, 'project', 'Projet ' || id, id from projects`;
  await postPerRow(db, 'donation', db`'stripe:clearing'`, db`'project:' || x.project_id`);
  await db`set session_replication_role = origin`;
  for (let index = 1; index <= size.funds; index += 1) {
    await db.begin((tx) =>
      createFund(tx, {
        name: `Fonds ${index}`,
        sponsorName: `Mécène ${index}`,
        budgetCents: (80_000 + ((index * 7) % 10) * 20_000) * 100,
        validFrom: '2020-01-01',
        validUntil: '2099-12-31',
        isGeneralSolidarity: index === size.funds,
        restrictions: index === size.funds ? NO_RESTRICTIONS : restrictionsOf(index),
        rules: DEFAULT_FUND_RULES,
      }),
    );
  }
  await reserveSeedings(db, size.funds - 1);
  await db`select kept_aggregates_rebuild()`;
  await db`analyze`;
}

/** One project in ten holds a reserved seeding of 10 % of its minimum from one of the specific funds. */
async function reserveSeedings(db: Db, specificFunds: number): Promise<void> {
  await db`set session_replication_role = replica`;
  await db`
    insert into grants (fund_id, project_id, kind, amount_cents, explanation)
    select 1 + (id / 10) % ${specificFunds}, id, 'seeding', minimum_goal_cents / 10, '{"rule":"seeding"}'
    from projects where id % 10 = 0`;
  await db`
    insert into ledger_accounts (code, kind, name, fund_id)
    select 'fund:' || id || ':reserved', 'fund_reserved', 'Fonds ' || id || ' — réservé', id from funds
    on conflict (code) do nothing`;
  await postPerRow(db, 'grant', db`'fund:' || x.fund_id || ':available'`, db`'fund:' || x.fund_id || ':reserved'`);
  await db`set session_replication_role = origin`;
}

// the movements the load writes in bulk, keyed as the activities key them
const BULK_MOVEMENTS = {
  donation: { table: 'donations', column: 'donation_id', kind: 'donation_paid', key: 'donation-paid-', label: 'Don ' },
  grant: { table: 'grants', column: 'grant_id', kind: 'grant_reserved', key: 'grant-reserve-', label: 'Amorçage ' },
} as const;

/** Posts one movement per donation or grant `x` in two statements: its amount from one account to another. */
async function postPerRow(db: Db, source: keyof typeof BULK_MOVEMENTS, from: Fragment, to: Fragment): Promise<void> {
  const { table, column, kind, key, label } = BULK_MOVEMENTS[source];
  await db`
    insert into ledger_transactions (kind, idempotency_key, description, ${db(column)})
    select ${kind}, ${key}::text || id, ${label}::text || id, id from ${db(table)}`;
  await db`
    insert into ledger_lines (transaction_id, account_id, amount_cents)
    select t.id, a.id, side * x.amount_cents
    from ledger_transactions t join ${db(table)} x on x.id = t.${db(column)}
    cross join (values (-1), (1)) as sides(side)
    join ledger_accounts a on a.code = case when side = -1 then ${from} else ${to} end`;
}

/** A REP+ project ending in 3 days with 70 % of its 2 000 € minimum from 5 donors: its top-up is due. */
export async function insertAskingProject(db: Db): Promise<number> {
  const [project] = await db<{ id: number }[]>`
    insert into projects (school_uai, porteur_id, title, theme, levels, pupil_count, activity_starts_on,
                          activity_ends_on, minimum_goal_cents, optimum_goal_cents, status, campaign_starts_at,
                          campaign_ends_at)
    select uai, 1, 'Projet qui demande son abondement', 'sport', '{CM2}', 24, current_date + 120, current_date + 125,
           200000, 300000, 'published', now() - interval '27 days', now() + interval '3 days'
    from schools where priority_education = 'rep_plus' limit 1
    returning id`;
  const projectId = (project as { id: number }).id;
  for (let donor = 1; donor <= 5; donor += 1) {
    await db.begin(async (tx) => {
      const [donation] = await tx<{ id: number }[]>`
        insert into donations (project_id, amount_cents, donor_name, donor_email, status, paid_at)
        values (${projectId}, 28000, 'Donateur', ${`asking-${donor}@example.org`}, 'paid', now()) returning id`;
      const donationId = (donation as { id: number }).id;
      await postMovement(tx, {
        kind: 'donation_paid',
        idempotencyKey: `donation-paid-${donationId}`,
        description: `Don ${donationId}`,
        donationId,
        lines: [
          { account: accounts.stripeClearing(), amountCents: -28_000 },
          { account: accounts.project(projectId), amountCents: 28_000 },
        ],
      });
    });
  }
  return projectId;
}
