import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../api/auth/passwords.ts';
import type { Db } from '../db/client.ts';
import { ROLES } from '../domain/roles.ts';
import { PILOT_ACADEMIES, SCHOOL_KINDS, isUai } from '../domain/schools.ts';
import { createTestDatabase } from '../test/db.ts';
import { DEMO_ACCOUNTS, seedDemoData } from './demo-data.ts';
import { isValidIbanChecksum } from './demo-data/bank.ts';
import { PILOT_DEPARTEMENTS } from './demo-data/schools.ts';

const COUNTED_TABLES = [
  'academies',
  'schools',
  'receiving_structures',
  'users',
  'user_roles',
  'funds',
  'projects',
  'project_budget_lines',
  'project_status_history',
  'donations',
  'ledger_transactions',
  'ledger_lines',
];

async function counts(db: Db): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    const [row] = await db<{ count: number }[]>`select count(*)::int as count from ${db(table)}`;
    result[table] = row!.count;
  }
  return result;
}

describe('demo data', () => {
  let db: Db;
  let firstRun: Awaited<ReturnType<typeof seedDemoData>>;
  let countsAfterFirstRun: Record<string, number>;

  beforeAll(async () => {
    ({ db } = await createTestDatabase());
    firstRun = await seedDemoData(db);
    countsAfterFirstRun = await counts(db);
  });

  it('is created once: a second seeding inserts nothing and returns the same accounts', async () => {
    expect(firstRun.created).toBe(true);
    expect(countsAfterFirstRun.schools).toBeGreaterThanOrEqual(25);
    expect(countsAfterFirstRun.projects).toBeGreaterThanOrEqual(10);
    const secondRun = await seedDemoData(db);
    expect(secondRun.created).toBe(false);
    expect(secondRun.accounts).toEqual(firstRun.accounts);
    expect(await counts(db)).toEqual(countsAfterFirstRun);
  });

  it('is created once even when two start-ups seed the same empty database at the same time', async () => {
    const { db: other } = await createTestDatabase();
    const runs = await Promise.all([seedDemoData(other), seedDemoData(other)]);
    expect(runs.map((run) => run.created).sort()).toEqual([false, true]);
    expect(await counts(other)).toEqual(countsAfterFirstRun);
  });

  it('enables the five pilot académies and allows their academic domains', async () => {
    const pilots = await db<{ code: string }[]>`select code from academies where pilot_enabled order by code`;
    expect(pilots.map((row) => row.code)).toEqual([...PILOT_ACADEMIES].sort());
    const domains = await db<
      { domain: string; academyCode: string | null }[]
    >`select domain, academy_code from academic_domains`;
    expect(domains).toContainEqual({ domain: 'ac-lille.fr', academyCode: 'lille' });
    expect(domains).toContainEqual({ domain: 'education.gouv.fr', academyCode: null });
  });

  it('gives every school a valid UAI starting with its département, in a pilot académie', async () => {
    const schools = await db<{ uai: string; academyCode: string; departement: string }[]>`
      select uai, academy_code, departement from schools`;
    for (const school of schools) {
      expect(isUai(school.uai), school.uai).toBe(true);
      expect(school.uai.slice(0, 3)).toBe(school.departement.padStart(3, '0'));
      expect(PILOT_DEPARTEMENTS[school.academyCode]).toContain(school.departement);
    }
  });

  it('covers every kind of school, both sectors, REP, REP+ and rural schools in each pilot académie', async () => {
    const schools = await db<
      { kind: string; sector: string; priorityEducation: string; rural: boolean; academyCode: string; ips: number }[]
    >`
      select kind, sector, priority_education, rural, academy_code, ips::float8 as ips from schools`;
    expect(new Set(schools.map((school) => school.kind))).toEqual(new Set(SCHOOL_KINDS));
    expect(new Set(schools.map((school) => school.sector))).toEqual(new Set(['public', 'prive_sous_contrat']));
    expect(schools.filter((school) => school.priorityEducation === 'rep').length).toBeGreaterThanOrEqual(3);
    expect(schools.filter((school) => school.priorityEducation === 'rep_plus').length).toBeGreaterThanOrEqual(3);
    expect(schools.filter((school) => school.rural).length).toBeGreaterThanOrEqual(3);
    for (const academy of PILOT_ACADEMIES) {
      expect(schools.filter((school) => school.academyCode === academy).length, academy).toBeGreaterThanOrEqual(4);
    }
    for (const school of schools.filter((candidate) => candidate.priorityEducation === 'rep_plus')) {
      expect(school.ips).toBeLessThan(86);
    }
    for (const school of schools.filter((candidate) => candidate.priorityEducation === 'none')) {
      expect(school.ips).toBeGreaterThanOrEqual(95);
    }
  });

  it('gives every school one eligible receiving structure with a valid SIRET and IBAN', async () => {
    const rows = await db<{ kind: string; sector: string; degree: string; siret: string; iban: string | null }[]>`
      select r.kind, s.sector, s.degree, r.siret, r.iban from receiving_structures r join schools s on s.uai = r.school_uai`;
    expect(rows.length).toBe(countsAfterFirstRun.schools);
    for (const row of rows) {
      const expected =
        row.sector === 'prive_sous_contrat'
          ? ['association_gestionnaire']
          : row.degree === 'premier'
            ? ['cooperative_scolaire']
            : ['eple', 'association_sportive', 'maison_des_lyceens'];
      expect(expected).toContain(row.kind);
      expect(row.siret).toMatch(/^[0-9]{14}$/);
      if (row.iban) {
        expect(row.iban).toMatch(/^FR76[0-9]{23}$/);
        expect(isValidIbanChecksum(row.iban)).toBe(true);
      }
    }
  });

  it('lets someone log in with each role using the printed demo passwords', async () => {
    expect(new Set(DEMO_ACCOUNTS.map((account) => account.role))).toEqual(new Set(ROLES));
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await db<{ passwordHash: string; roles: string[] }[]>`
        select u.password_hash, array_agg(r.role) as roles
        from users u join user_roles r on r.user_id = u.id where u.email = ${account.email} group by u.id`;
      expect(user?.roles, account.email).toContain(account.role);
      expect(await verifyPassword(user!.passwordHash, account.password), account.email).toBe(true);
      expect(await verifyPassword(user!.passwordHash, 'wrong-password')).toBe(false);
    }
  });

  it('scopes the porteur and directeur to their school, the gestionnaire to its structure, the mécène to a fund', async () => {
    const [porteur] = await db<{ schoolUai: string; schoolName: string }[]>`
      select r.school_uai, s.name as school_name from users u join user_roles r on r.user_id = u.id
      join schools s on s.uai = r.school_uai where u.email = 'claire.martin@ac-lille.fr' and r.role = 'porteur'`;
    expect(porteur?.schoolName).toBe('École élémentaire Jean Jaurès');
    const [directeur] = await db<{ schoolUai: string }[]>`
      select r.school_uai from users u join user_roles r on r.user_id = u.id
      where u.email = 'philippe.durand@ac-lille.fr' and r.role = 'directeur'`;
    expect(directeur?.schoolUai).toBe(porteur?.schoolUai);
    const [structure] = await db<{ schoolUai: string; gestionnaire: string }[]>`
      select s.school_uai, u.email as gestionnaire from receiving_structures s join users u on u.id = s.gestionnaire_id
      join user_roles r on r.user_id = u.id and r.structure_id = s.id and r.role = 'gestionnaire'`;
    expect(structure).toEqual({ schoolUai: porteur?.schoolUai, gestionnaire: 'nadia.haddad@ac-lille.fr' });
    const [mecene] = await db<{ fundName: string }[]>`
      select f.name as fund_name from users u join user_roles r on r.user_id = u.id join funds f on f.id = r.fund_id
      where r.role = 'mecene'`;
    expect(mecene?.fundName).toBe('Fonds de solidarité général');
  });

  it('balances every ledger transaction on at least two lines', async () => {
    const unbalanced = await db`
      select transaction_id from ledger_lines group by transaction_id having sum(amount_cents) <> 0 or count(*) < 2`;
    expect(unbalanced).toEqual([]);
    const [orphans] = await db<{ count: number }[]>`
      select count(*)::int as count from ledger_transactions t
      where not exists (select 1 from ledger_lines l where l.transaction_id = t.id)`;
    expect(orphans?.count).toBe(0);
  });

  it("holds in each project's account its paid donations and committed grants, less its payout", async () => {
    const projects = await db<{ id: number; balance: number; expected: number; donations: number }[]>`
      select p.id, b.balance_cents as balance,
        (select coalesce(sum(amount_cents), 0) from donations d where d.project_id = p.id and d.status = 'paid')::int
        + (select coalesce(sum(amount_cents), 0) from grants g where g.project_id = p.id and g.status = 'committed')::int
        - (select coalesce(sum(amount_cents), 0) from payouts o where o.project_id = p.id)::int as expected,
        (select count(*)::int from donations d where d.project_id = p.id and d.status = 'paid') as donations
      from projects p join ledger_balances b on b.project_id = p.id and b.kind = 'project'`;
    expect(projects.length).toBeGreaterThanOrEqual(4);
    for (const project of projects) {
      expect(project.donations, `project ${project.id}`).toBeGreaterThan(0);
      expect(project.balance, `project ${project.id}`).toBe(project.expected);
    }
    const [clearing] = await db<{ balance: number }[]>`
      select balance_cents as balance from ledger_balances where code = 'stripe:clearing'`;
    const [paid] = await db<{ total: number }[]>`
      select sum(amount_cents)::int as total from donations where status = 'paid'`;
    expect(clearing?.balance).toBe(-paid!.total);
    const missing = await db`
      select d.id from donations d left join ledger_transactions t on t.donation_id = d.id
      where d.status = 'paid' and t.idempotency_key is distinct from 'donation-paid-' || d.id`;
    expect(missing).toEqual([]);
  });

  it('endows both funds with their whole budget, available but for the grants they made', async () => {
    const funds = await db<{ name: string; budgetCents: number; available: number; reserved: number }[]>`
      select f.name, f.budget_cents,
        (select balance_cents from ledger_balances where code = 'fund:' || f.id || ':available')
        + (select coalesce(sum(amount_cents), 0) from grants g where g.fund_id = f.id and g.status <> 'released')::int
          as available,
        (select balance_cents from ledger_balances where code = 'fund:' || f.id || ':reserved') as reserved
      from funds f order by f.id`;
    expect(funds).toEqual([
      { name: 'Fonds de solidarité général', budgetCents: 5_000_000, available: 5_000_000, reserved: 0 },
      { name: 'Fonds Mécénat Hauts-de-France', budgetCents: 2_000_000, available: 2_000_000, reserved: 0 },
    ]);
  });

  it('walks each project from draft to its current status, with goals, budget and dates within the rules', async () => {
    const projects = await db<
      {
        status: string;
        minimum: number;
        optimum: number;
        budget: number;
        path: string[];
        froms: string[];
        campaignDays: number | null;
        activityAfterCampaign: boolean | null;
        schoolPriority: string;
        rural: boolean;
      }[]
    >`
      select p.status, p.minimum_goal_cents as minimum, p.optimum_goal_cents as optimum,
        (select sum(amount_cents)::int from project_budget_lines l where l.project_id = p.id) as budget,
        (select array_agg(h.to_status order by h.at, h.id) from project_status_history h where h.project_id = p.id) as path,
        (select array_agg(coalesce(h.from_status, '(none)') order by h.at, h.id) from project_status_history h where h.project_id = p.id) as froms,
        extract(epoch from p.campaign_ends_at - p.campaign_starts_at)::float8 / 86400 as campaign_days,
        p.activity_starts_on > p.campaign_ends_at::date as activity_after_campaign,
        s.priority_education as school_priority, s.rural
      from projects p join schools s on s.uai = p.school_uai`;
    expect(new Set(projects.map((project) => project.status))).toEqual(
      new Set([
        'draft',
        'submitted',
        'changes_requested',
        'accepted',
        'awaiting_attestation',
        'published',
        'succeeded',
        'failed',
        'report_due',
        'completed',
        'rejected',
      ]),
    );
    for (const project of projects) {
      expect(project.minimum).toBeLessThanOrEqual(Math.min(project.optimum, 500_000));
      expect(project.budget).toBe(project.optimum);
      expect(project.path[0]).toBe('draft');
      expect(project.froms[0]).toBe('(none)');
      expect(project.froms.slice(1)).toEqual(project.path.slice(0, -1));
      expect(project.path.at(-1)).toBe(project.status);
      if (project.campaignDays !== null) {
        expect(project.campaignDays).toBeGreaterThanOrEqual(7);
        expect(project.campaignDays).toBeLessThanOrEqual(90);
        expect(project.activityAfterCampaign).toBe(true);
      }
    }
    const priority = projects.filter((project) => project.schoolPriority !== 'none' || project.rural);
    expect(priority.length / projects.length).toBeGreaterThan(0.8);
  });

  it('keeps the collecting campaigns open around today', async () => {
    const open = await db<{ title: string }[]>`
      select title from projects where status = 'published' and now() between campaign_starts_at and campaign_ends_at`;
    expect(open.map((project) => project.title).sort()).toEqual([
      'Classe de découverte en baie de Somme',
      'Lancer la web radio du collège',
    ]);
  });
});
