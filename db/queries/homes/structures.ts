import type { GestionnaireHome } from '../../../domain/homes.ts';
import type { Tx } from '../../client.ts';

type Payout = GestionnaireHome['payouts'][number];

/** What a gestionnaire's structures wait for: bank details, receipts to validate, payouts coming and done. */
export async function structuresHome(db: Tx, structureIds: number[]): Promise<GestionnaireHome> {
  const structures = await db<GestionnaireHome['structures']>`
    select r.id, r.legal_name, s.name as school_name,
           case when r.iban is null or r.bic is null then 'missing'
                when r.bank_details_validated_at is null then 'awaiting_validation'
                else 'validated' end as bank_details
    from receiving_structures r join schools s on s.uai = r.school_uai
    where r.id = any(${structureIds}::bigint[])
    order by r.legal_name, r.id`;
  const [counts] = await db<{ projectsAwaitingBankDetails: number; receiptsToValidate: number }[]>`
    select (select count(*) from projects
            where status = 'payout_pending' and structure_id = any(${structureIds}::bigint[]))::int
             as projects_awaiting_bank_details,
           (select count(*) from tax_receipts
            where status = 'draft' and structure_id = any(${structureIds}::bigint[]))::int as receipts_to_validate`;
  const payouts = await db<(Omit<Payout, 'at'> & { at: Date })[]>`
    select o.id, p.title as project_title, o.amount_cents, o.status, coalesce(o.confirmed_at, o.created_at) as at
    from payouts o join projects p on p.id = o.project_id
    where o.structure_id = any(${structureIds}::bigint[])
    order by coalesce(o.confirmed_at, o.created_at) desc, o.id desc`;
  const total = (rows: readonly { amountCents: number }[]) => ({
    count: rows.length,
    cents: rows.reduce((sum, row) => sum + row.amountCents, 0),
  });
  return {
    structures,
    ...counts!,
    payoutsComing: total(payouts.filter((row) => row.status !== 'confirmed')),
    payoutsDone: total(payouts.filter((row) => row.status === 'confirmed')),
    payouts: payouts.slice(0, 10).map((row) => ({ ...row, at: row.at.toISOString() })),
  };
}
