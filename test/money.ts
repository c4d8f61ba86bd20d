import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Db, Tx } from '../db/client.ts';
import {
  accountBalance,
  accounts,
  postMovement,
  projectBalance,
  unbalancedTransactions,
} from '../db/queries/ledger.ts';
import { keptAggregateDrift } from '../db/queries/kept-aggregates.ts';

const unique = () => randomBytes(8).toString('hex');

/**
 * Inserts a paid donation to the project, with fake Stripe ids of its own, and posts `donation-paid-<id>`
 * from Stripe clearing to the project's account, as the payment webhook does; returns the donation id.
 */
export async function recordPaidDonation(
  db: Db,
  gift: {
    projectId: number;
    amountCents: number;
    donorEmail?: string;
    donorName?: string;
    failureChoice?: 'refund' | 'redirect';
  },
): Promise<number> {
  const reference = unique();
  const donorName = gift.donorName ?? 'Camille Martin';
  return db.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      insert into donations (project_id, amount_cents, donor_name, donor_email, failure_choice, status,
                             stripe_checkout_session_id, stripe_payment_intent_id, paid_at)
      values (${gift.projectId}, ${gift.amountCents}, ${donorName}, ${gift.donorEmail ?? `donateur-${reference}@example.org`},
              ${gift.failureChoice ?? 'refund'}, 'paid', ${`cs_test_${reference}`}, ${`pi_test_${reference}`}, clock_timestamp())
      returning id`;
    const donationId = (row as { id: number }).id;
    await postMovement(tx, {
      kind: 'donation_paid',
      idempotencyKey: `donation-paid-${donationId}`,
      description: `Don de ${donorName} au projet ${gift.projectId}`,
      donationId,
      lines: [
        { account: accounts.stripeClearing(), amountCents: -gift.amountCents },
        { account: accounts.project(gift.projectId), amountCents: gift.amountCents },
      ],
    });
    return donationId;
  });
}

/**
 * Inserts a receiving structure at the project's school (bank details validated, with its name, unless told
 * otherwise) and names it as the project's; returns its id.
 */
export async function insertReceivingStructure(
  db: Tx,
  options: { projectId: number; bankDetailsValidated?: boolean; legalName?: string },
): Promise<number> {
  const validatedAt = options.bankDetailsValidated === false ? null : new Date();
  const [row] = await db<{ id: number }[]>`
    insert into receiving_structures (school_uai, kind, legal_name, siret, legal_representative, iban, bic)
    select school_uai, 'cooperative_scolaire', ${options.legalName ?? `Coopérative scolaire ${unique()} (OCCE 59)`},
           '12345678200017', 'Claire Dubois, mandataire de la coopérative', 'FR7630006000011234567890189', 'AGRIFRPP'
    from projects where id = ${options.projectId}
    returning id`;
  const structureId = (row as { id: number }).id;
  if (validatedAt) {
    await db`
      update receiving_structures
      set bank_details_validated_at = ${validatedAt}, bank_details_validated_iban = iban,
          bank_details_validated_bic = bic, bank_details_validated_legal_name = legal_name
      where id = ${structureId}`;
  }
  await db`update projects set structure_id = ${structureId} where id = ${options.projectId}`;
  return structureId;
}

/** Inserts the general solidarity fund (it receives redirected donations) and returns its id. */
export async function insertSolidarityFund(db: Tx): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into funds (name, sponsor_name, budget_cents, valid_from, valid_until, is_general_solidarity)
    values ('Fonds de solidarité', 'Trousse à Projets', 0, current_date, current_date + 365, true)
    returning id`;
  return (row as { id: number }).id;
}

/**
 * Asserts the ledger agrees with the donations' states: no transaction is unbalanced; Stripe clearing holds minus
 * every gift Stripe collected; the refunds account what Stripe refunded; the disputes account what disputes took
 * back; the aggregates the triggers keep equal what they summarise; and every project's account what its donations still hold (paid, or refund_requested until Stripe
 * confirms, less any partial refund) minus its payout, plus whatever grant movements (transactions with a
 * grant_id, the funds engine's) brought it. Refunded, redirected and disputed gifts came in and went out.
 */
export async function expectLedgerConsistent(db: Tx): Promise<void> {
  expect(await unbalancedTransactions(db)).toEqual([]);
  expect(await keptAggregateDrift(db)).toEqual({ accounts: [], months: [], projectCounts: [], granted: [] });
  const [totals] = await db<
    { clearing: number; refunds: number; disputes: number; collected: number; refunded: number; disputed: number }[]
  >`
    select ${accountBalance(db, accounts.stripeClearing().code)} as clearing,
           ${accountBalance(db, accounts.refunds().code)} as refunds,
           ${accountBalance(db, accounts.disputes().code)} as disputes,
           coalesce(sum(amount_cents) filter (where status in ('paid', 'refund_requested', 'refunded', 'redirected', 'disputed')), 0)::bigint as collected,
           coalesce(sum(refunded_cents), 0)::bigint as refunded,
           coalesce(sum(amount_cents - refunded_cents) filter (where status = 'disputed'), 0)::bigint as disputed
    from donations`;
  expect({ clearing: totals?.clearing, refunds: totals?.refunds, disputes: totals?.disputes }).toEqual({
    clearing: 0 - (totals?.collected ?? 0) + 0,
    refunds: totals?.refunded,
    disputes: totals?.disputed,
  });
  const rows = await db<{ projectId: number; balanceCents: number; expectedCents: number }[]>`
    select p.id as project_id, ${projectBalance(db)} as balance_cents,
           (coalesce((select sum(d.amount_cents - d.refunded_cents) from donations d
                      where d.project_id = p.id and d.status in ('paid', 'refund_requested')), 0)
            - coalesce((select sum(o.amount_cents) from payouts o where o.project_id = p.id), 0)
            + coalesce((select sum(l.amount_cents) from ledger_lines l
                        join ledger_accounts a on a.id = l.account_id
                        join ledger_transactions t on t.id = l.transaction_id
                        where a.code = 'project:' || p.id and t.grant_id is not null), 0))::bigint as expected_cents
    from projects p order by p.id`;
  const balances = rows.map(({ projectId, balanceCents }) => ({ projectId, balanceCents }));
  expect(balances).toEqual(rows.map(({ projectId, expectedCents }) => ({ projectId, balanceCents: expectedCents })));
}
