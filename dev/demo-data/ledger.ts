import type { Tx } from '../../db/client.ts';

type AccountKind = 'stripe_clearing' | 'project' | 'fund_available' | 'fund_reserved' | 'sponsor_contributions';

/** The id of the ledger account with this code, created on first use. */
export async function ensureAccount(
  tx: Tx,
  account: { code: string; kind: AccountKind; name: string; projectId?: number; fundId?: number },
): Promise<number> {
  const [row] = await tx<{ id: number }[]>`
    insert into ledger_accounts (code, kind, name, project_id, fund_id)
    values (${account.code}, ${account.kind}, ${account.name}, ${account.projectId ?? null}, ${account.fundId ?? null})
    on conflict (code) do update set name = excluded.name
    returning id`;
  return row!.id;
}

/** Records one balanced movement of money from one account to another; returns the transaction id. */
export async function recordTransfer(
  tx: Tx,
  movement: {
    kind: string;
    idempotencyKey: string;
    description: string;
    fromAccountId: number;
    toAccountId: number;
    amountCents: number;
    donationId?: number;
    hoursFromNow?: number;
  },
): Promise<number> {
  const [row] = await tx<{ id: number }[]>`
    insert into ledger_transactions (kind, idempotency_key, description, donation_id, created_at)
    values (${movement.kind}, ${movement.idempotencyKey}, ${movement.description}, ${movement.donationId ?? null},
      now() + make_interval(hours => ${movement.hoursFromNow ?? 0}::int))
    returning id`;
  const transactionId = row!.id;
  await tx`
    insert into ledger_lines (transaction_id, account_id, amount_cents) values
      (${transactionId}, ${movement.fromAccountId}, ${-movement.amountCents}),
      (${transactionId}, ${movement.toAccountId}, ${movement.amountCents})`;
  return transactionId;
}
