import type { Tx } from '../client.ts';
import type { Fragment } from './paging.ts';

/** The kinds of ledger account (see the ledger_accounts check constraint). */
export type AccountKind =
  | 'stripe_clearing'
  | 'project'
  | 'fund_available'
  | 'fund_reserved'
  | 'fund_committed'
  | 'structure_payable'
  | 'structure_paid'
  | 'refunds'
  | 'disputes'
  | 'sponsor_contributions';

/** An account to find or open, identified by its unique code (e.g. `project:12`, `fund:3:available`). */
export interface AccountSpec {
  code: string;
  kind: AccountKind;
  name: string;
  projectId?: number;
  fundId?: number;
  structureId?: number;
}

/** Conventional account specs, so every module names the same account the same way. */
export const accounts = {
  stripeClearing: (): AccountSpec => ({
    code: 'stripe:clearing',
    kind: 'stripe_clearing',
    name: 'Stripe (encaissements)',
  }),
  refunds: (): AccountSpec => ({ code: 'refunds', kind: 'refunds', name: 'Remboursements aux donateurs' }),
  disputes: (): AccountSpec => ({
    code: 'disputes',
    kind: 'disputes',
    name: 'Paiements contestés (retenus par Stripe)',
  }),
  project: (projectId: number): AccountSpec => ({
    code: `project:${projectId}`,
    kind: 'project',
    name: `Projet ${projectId}`,
    projectId,
  }),
  fundAvailable: (fundId: number): AccountSpec => ({
    code: `fund:${fundId}:available`,
    kind: 'fund_available',
    name: `Fonds ${fundId} — disponible`,
    fundId,
  }),
  fundReserved: (fundId: number): AccountSpec => ({
    code: `fund:${fundId}:reserved`,
    kind: 'fund_reserved',
    name: `Fonds ${fundId} — réservé`,
    fundId,
  }),
  sponsorContributions: (fundId: number): AccountSpec => ({
    code: `sponsor:${fundId}:contributions`,
    kind: 'sponsor_contributions',
    name: `Fonds ${fundId} — apports du mécène`,
    fundId,
  }),
  structurePaid: (structureId: number): AccountSpec => ({
    code: `structure:${structureId}:paid`,
    kind: 'structure_paid',
    name: `Structure ${structureId} — versé`,
    structureId,
  }),
  structurePayable: (structureId: number): AccountSpec => ({
    code: `structure:${structureId}:payable`,
    kind: 'structure_payable',
    name: `Structure ${structureId} — à verser`,
    structureId,
  }),
};

/**
 * The id of the account with this code, opening it first if needed (safe under concurrency). An existing
 * account is only read, never locked: every payment names Stripe clearing, and a lock would queue them all.
 */
export async function ensureAccount(db: Tx, spec: AccountSpec): Promise<number> {
  const [existing] = await db<{ id: number }[]>`select id from ledger_accounts where code = ${spec.code}`;
  if (existing) return existing.id;
  const [inserted] = await db<{ id: number }[]>`
    insert into ledger_accounts (code, kind, name, project_id, fund_id, structure_id)
    values (${spec.code}, ${spec.kind}, ${spec.name}, ${spec.projectId ?? null}, ${spec.fundId ?? null},
            ${spec.structureId ?? null})
    on conflict (code) do nothing
    returning id`;
  if (inserted) return inserted.id;
  // opened meanwhile by a concurrent transaction, which has committed since the conflict waited for it
  const [opened] = await db<{ id: number }[]>`select id from ledger_accounts where code = ${spec.code}`;
  return (opened as { id: number }).id;
}

/**
 * Locks the rows of the projects whose accounts the lines name (by id, as the gift and grant paths lock them: the
 * triggers keeping their figures update those rows, so a movement locking them last could wait on a grant that
 * waits on it — a deadlock) and reads the ids of the accounts that exist, in one statement.
 */
async function lockProjectsAndFindAccounts(db: Tx, lines: Movement['lines']): Promise<Map<string, number>> {
  const projectIds = [...new Set(lines.flatMap((line) => line.account.projectId ?? []))];
  const codes = [...new Set(lines.map((line) => line.account.code))];
  const rows = await db<{ id: number | null; code: string | null }[]>`
    with locked as (select id from projects where id = any(${projectIds}::bigint[]) order by id for no key update)
    select a.id, a.code from (select count(*) from locked) l
    left join ledger_accounts a on a.code = any(${codes}::text[])`;
  return new Map(rows.flatMap((row) => (row.code === null ? [] : [[row.code, row.id as number]])));
}

const MOVEMENTS_PER_STATEMENT = 5_000;

/** A movement of money: lines must sum to zero (the database refuses otherwise). */
export interface Movement {
  kind: string;
  idempotencyKey: string;
  description: string;
  donationId?: number;
  grantId?: number;
  /** when it happened (ISO-8601), for back-dated data such as the demo's; now by default */
  at?: string;
  lines: { account: AccountSpec; amountCents: number }[];
}

/**
 * Posts a balanced transaction once per idempotency key; a repeat changes nothing and returns created
 * false. Call inside a transaction (`db.begin`) so the lines and the balance check commit together.
 */
export async function postMovement(db: Tx, movement: Movement): Promise<{ transactionId: number; created: boolean }> {
  const [inserted] = await db<{ id: number }[]>`
    insert into ledger_transactions (kind, idempotency_key, description, donation_id, grant_id)
    values (${movement.kind}, ${movement.idempotencyKey}, ${movement.description}, ${movement.donationId ?? null},
            ${movement.grantId ?? null})
    on conflict (idempotency_key) do nothing
    returning id`;
  if (!inserted) {
    const [existing] = await db<{ id: number }[]>`
      select id from ledger_transactions where idempotency_key = ${movement.idempotencyKey}`;
    return { transactionId: (existing as { id: number }).id, created: false };
  }
  const accountIds = await lockProjectsAndFindAccounts(db, movement.lines);
  const lines = [];
  for (const line of movement.lines.filter((line) => line.amountCents !== 0)) {
    lines.push({
      transaction_id: inserted.id,
      account_id: accountIds.get(line.account.code) ?? (await ensureAccount(db, line.account)),
      amount_cents: line.amountCents,
    });
  }
  await db`insert into ledger_lines ${db(lines)}`;
  return { transactionId: inserted.id, created: true };
}

/**
 * Posts many balanced transactions in a few statements, each once per idempotency key (a repeat is left
 * out); returns how many were created. Call inside a transaction, like postMovement.
 */
export async function postMovements(db: Tx, movements: Movement[]): Promise<number> {
  const specs = new Map(
    movements.flatMap((movement) => movement.lines.map((line) => [line.account.code, line.account])),
  );
  const accountIds = new Map<string, number>();
  for (const spec of specs.values()) accountIds.set(spec.code, await ensureAccount(db, spec));
  const byKey = new Map(movements.map((movement) => [movement.idempotencyKey, movement]));
  let created = 0;
  for (let start = 0; start < movements.length; start += MOVEMENTS_PER_STATEMENT) {
    const rows = movements.slice(start, start + MOVEMENTS_PER_STATEMENT).map((movement) => ({
      kind: movement.kind,
      idempotency_key: movement.idempotencyKey,
      description: movement.description,
      donation_id: movement.donationId ?? null,
      grant_id: movement.grantId ?? null,
      created_at: movement.at ?? null,
    }));
    const inserted = await db<{ id: number; idempotencyKey: string }[]>`
      insert into ledger_transactions (kind, idempotency_key, description, donation_id, grant_id, created_at)
      select kind, idempotency_key, description, donation_id, grant_id, coalesce(created_at, now())
      from jsonb_to_recordset(${db.json(rows as never)})
        as x(kind text, idempotency_key text, description text, donation_id bigint, grant_id bigint,
             created_at timestamptz)
      on conflict (idempotency_key) do nothing
      returning id, idempotency_key`;
    const lines = inserted.flatMap(({ id, idempotencyKey }) =>
      (byKey.get(idempotencyKey) as Movement).lines
        .filter((line) => line.amountCents !== 0)
        .map((line) => ({
          transaction_id: id,
          account_id: accountIds.get(line.account.code),
          amount_cents: line.amountCents,
        })),
    );
    if (lines.length > 0) {
      await db`
        insert into ledger_lines (transaction_id, account_id, amount_cents)
        select transaction_id, account_id, amount_cents
        from jsonb_to_recordset(${db.json(lines as never)})
          as x(transaction_id bigint, account_id bigint, amount_cents bigint)`;
    }
    created += inserted.length;
  }
  return created;
}

/**
 * SQL for the balance of one account, 0 when it does not exist yet. The code is a value or a SQL expression
 * (e.g. `'project:' || p.id`): the account is found by its unique code and its balance read from the flows a
 * trigger keeps in the same transaction as its lines (ledger_account_flows), never by summing the lines.
 */
export function accountBalance(db: Tx, code: string | Fragment): Fragment {
  return db`
    coalesce((select sum(kept.amount_cents) from ledger_accounts a join ledger_account_flows kept on kept.account_id = a.id
              where a.code = ${code}), 0)::bigint`;
}

/** SQL for the balance of the account of the project `p` of the enclosing query (see accounts.project). */
export const projectBalance = (db: Tx): Fragment => accountBalance(db, db`'project:' || p.id`);

/** The balance of an account by code (0 when it does not exist yet). */
export async function balanceOf(db: Tx, code: string): Promise<number> {
  const [row] = await db<{ balanceCents: number }[]>`select ${accountBalance(db, code)} as balance_cents`;
  return row?.balanceCents ?? 0;
}

/** The fund a donation was redirected to (the account its redirect credited), or undefined. */
export async function redirectTargetOf(db: Tx, donationId: number): Promise<number | undefined> {
  const [row] = await db<{ fundId: number }[]>`
    select a.fund_id from ledger_transactions t join ledger_lines l on l.transaction_id = t.id
    join ledger_accounts a on a.id = l.account_id
    where t.idempotency_key = ${`redirect-donation-${donationId}`} and l.amount_cents > 0`;
  return row?.fundId;
}

/** Ledger transactions whose lines do not sum to zero (always empty while the trigger holds). */
export async function unbalancedTransactions(db: Tx): Promise<number[]> {
  const rows = await db<{ transactionId: number }[]>`
    select transaction_id from ledger_lines group by transaction_id having sum(amount_cents) <> 0`;
  return rows.map((row) => row.transactionId);
}
