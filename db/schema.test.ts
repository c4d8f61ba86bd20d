import { readdirSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { migrate } from './migrate.ts';

const { db, url } = await createTestDatabase();
let schoolUai: string;
let porteurId: number;
let projectId: number;
let accounts: [number, number];

beforeAll(async () => {
  schoolUai = await insertSchool(db);
  porteurId = (await insertUser(db, 'porteur', { schoolUai })).id;
  projectId = await insertProject(db, { schoolUai, porteurId });
  const rows = await db<{ id: number }[]>`
    insert into ledger_accounts (code, kind, name) values
      ('stripe:clearing', 'stripe_clearing', 'Stripe'), (${`project:${projectId}`}, 'project', 'Projet')
    returning id`;
  accounts = [rows[0]!.id, rows[1]!.id];
});

const postTransaction = (key: string, lines: number[]) =>
  db.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into ledger_transactions (kind, idempotency_key, description)
      values ('donation_paid', ${key}, 'Don') returning id`;
    for (const [index, amount] of lines.entries()) {
      await tx`insert into ledger_lines (transaction_id, account_id, amount_cents)
               values (${row!.id}, ${accounts[index % 2]!}, ${amount})`;
    }
  });

describe('migrations', () => {
  it('are recorded once: running them again applies nothing', async () => {
    expect(await migrate(url)).toEqual([]);
    const rows = await db`select migration_id, name from migrations order by migration_id`;
    const folders = readdirSync(new URL('./migrations', import.meta.url)).sort();
    expect(rows.map((row) => row.name)).toEqual(folders.map((folder) => folder.replace(/^\d+_/, '')));
    expect(rows.map((row) => row.name).slice(0, 2)).toEqual(['core_schema', 'funds_indexes']);
  });
});

describe('the ledger', () => {
  it('accepts a balanced transaction and derives balances from its lines', async () => {
    await postTransaction('donation-paid-1', [-2500, 2500]);
    const balances = await db`select code, balance_cents from ledger_balances order by code`;
    expect(balances.map((row) => [row.code, row.balanceCents])).toEqual([
      [`project:${projectId}`, 2500],
      ['stripe:clearing', -2500],
    ]);
  });

  it('refuses a transaction whose lines do not sum to zero, and keeps nothing of it', async () => {
    await expect(postTransaction('donation-paid-2', [-2500, 2000])).rejects.toThrow(
      /unbalanced: its lines sum to -500/,
    );
    const [row] =
      await db`select count(*)::int as n from ledger_transactions where idempotency_key = 'donation-paid-2'`;
    expect(row?.n).toBe(0);
  });

  it('refuses a transaction with a single line or none', async () => {
    await expect(postTransaction('donation-paid-3', [])).rejects.toThrow(/0 line\(s\)/);
    await expect(postTransaction('donation-paid-4', [100])).rejects.toThrow(/1 line\(s\)/);
  });

  it('records a business movement once: the same idempotency key is refused', async () => {
    await expect(postTransaction('donation-paid-1', [-2500, 2500])).rejects.toThrow(/duplicate key/);
  });

  it('is append-only: lines cannot be changed or deleted', async () => {
    await expect(db`update ledger_lines set amount_cents = 1`).rejects.toThrow(/append-only/);
    await expect(db`delete from ledger_transactions`).rejects.toThrow(/append-only/);
  });
});

describe('rules kept by the database', () => {
  it('refuses a minimum goal above the optimum', async () => {
    await expect(db`update projects set minimum_goal_cents = 300000 where id = ${projectId}`).rejects.toThrow(
      /projects_check/,
    );
  });

  it('refuses a minimum goal above 5 000 € unless an admin granted an exception', async () => {
    await expect(
      db`update projects set minimum_goal_cents = 600000, optimum_goal_cents = 700000 where id = ${projectId}`,
    ).rejects.toThrow(/check/);
    await db`update projects set minimum_goal_cents = 600000, optimum_goal_cents = 700000, minimum_goal_exception = true
             where id = ${projectId}`;
  });

  it('refuses a campaign shorter than 7 days or longer than 90', async () => {
    await expect(db`update projects set campaign_days = 6 where id = ${projectId}`).rejects.toThrow(/campaign_days/);
    await expect(db`update projects set campaign_days = 91 where id = ${projectId}`).rejects.toThrow(/campaign_days/);
    await db`update projects set campaign_days = 90 where id = ${projectId}`;
  });

  it('refuses a donation under 5 €, and the same Stripe payment twice', async () => {
    const donation = (amount: number, intent: string) => db`
      insert into donations (project_id, amount_cents, donor_name, donor_email, stripe_payment_intent_id)
      values (${projectId}, ${amount}, 'Anne Leroy', 'anne@example.org', ${intent})`;
    await expect(donation(499, 'pi_small')).rejects.toThrow(/amount_cents/);
    await donation(500, 'pi_once');
    await expect(donation(1000, 'pi_once')).rejects.toThrow(/duplicate key/);
  });

  it('refuses a donation to both a project and a fund, or to neither', async () => {
    await expect(
      db`insert into donations (amount_cents, donor_name, donor_email) values (1000, 'Anne', 'anne@example.org')`,
    ).rejects.toThrow(/donations_check/);
  });

  it('refuses a malformed UAI and a porteur without an academic e-mail', async () => {
    await expect(
      db`insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector)
         values ('59ABC', 'École', 'college', 'second', 'lille', '59', 'Lille', 'public')`,
    ).rejects.toThrow(/uai/);
    const [user] = await db<{ id: number }[]>`
      insert into users (email, display_name) values ('prof@gmail.com', 'Prof') returning id`;
    await expect(db`insert into user_roles (user_id, role) values (${user!.id}, 'porteur')`).rejects.toThrow(
      /academic e-mail/,
    );
  });

  it('refuses a directeur role without a school', async () => {
    const [user] = await db<{ id: number }[]>`
      insert into users (email, display_name) values ('direction@example.org', 'Directrice') returning id`;
    await expect(db`insert into user_roles (user_id, role) values (${user!.id}, 'directeur')`).rejects.toThrow(
      /user_roles_check/,
    );
  });

  it('processes a Stripe event once: the same event id is refused', async () => {
    const event = db`insert into stripe_events (id, type, payload) values ('evt_1', 'checkout.session.completed', '{}')`;
    await event;
    await expect(
      db`insert into stripe_events (id, type, payload) values ('evt_1', 'checkout.session.completed', '{}')`,
    ).rejects.toThrow(/duplicate key/);
  });
});
