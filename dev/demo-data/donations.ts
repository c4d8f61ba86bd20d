import type { Tx } from '../../db/client.ts';
import { accounts, postMovements, type Movement } from '../../db/queries/ledger.ts';
import type { DemoProject } from './project-data.ts';

/** Inserts a project's demo donations and records each paid one in the ledger on its day, as the payment webhook does. */
export async function insertDonations(tx: Tx, target: { projectId: number; project: DemoProject }): Promise<void> {
  const paid: Movement[] = [];
  for (const [index, gift] of (target.project.donations ?? []).entries()) {
    const reference = `demo_${target.projectId}_${index + 1}`;
    const paidHours = Math.round(gift.day * 24);
    const [company, siren] = gift.company ?? [null, null];
    const [addressLine, postalCode, city] = gift.receipt ?? [null, null, null];
    const [row] = await tx<{ id: number; paidAt: Date | null }[]>`
      insert into donations (
        project_id, amount_cents, donor_kind, donor_name, donor_email, company_name, siren, address_line, postal_code,
        city, wants_tax_receipt, hide_name, hide_amount, failure_choice, status, stripe_checkout_session_id,
        stripe_payment_intent_id, created_at, paid_at)
      values (
        ${target.projectId}, ${gift.euros * 100}, ${company ? 'company' : 'person'}, ${gift.name}, ${gift.email},
        ${company}, ${siren}, ${addressLine}, ${postalCode}, ${city}, ${gift.receipt !== undefined},
        ${gift.hideName ?? false}, ${gift.hideAmount ?? false}, ${gift.redirect ? 'redirect' : 'refund'},
        ${gift.expired ? 'expired' : 'paid'}, ${`cs_${reference}`}, ${gift.expired ? null : `pi_${reference}`},
        now() + make_interval(hours => ${paidHours}::int, mins => -6),
        ${gift.expired ? null : tx`now() + make_interval(hours => ${paidHours}::int)`})
      returning id, paid_at`;
    if (gift.expired) continue;
    const donationId = row!.id;
    paid.push({
      kind: 'donation_paid',
      idempotencyKey: `donation-paid-${donationId}`,
      description: `Don de ${gift.name} au projet « ${target.project.title} »`,
      donationId,
      at: row!.paidAt!.toISOString(),
      lines: [
        { account: accounts.stripeClearing(), amountCents: -gift.euros * 100 },
        { account: accounts.project(target.projectId), amountCents: gift.euros * 100 },
      ],
    });
  }
  await postMovements(tx, paid);
}
