import type { Tx } from '../client.ts';

/** A payout: the money of a succeeded project owed to its receiving structure. */
export interface PayoutRow {
  id: number;
  projectId: number;
  structureId: number;
  amountCents: number;
  status: 'recorded' | 'exported' | 'confirmed';
  ledgerTransactionId: number | null;
}

/** Who a project's money goes to, and whether their bank details allow paying it. */
export interface PayoutRecipient {
  projectId: number;
  structureId: number | null;
  structureName: string | null;
  bankDetailsValidated: boolean;
}

/** A project's receiving structure and whether its bank details are validated, locking the project row. */
export async function lockPayoutRecipient(db: Tx, projectId: number): Promise<PayoutRecipient | undefined> {
  const [row] = await db<PayoutRecipient[]>`
    select p.id as project_id, s.id as structure_id, s.legal_name as structure_name,
           s.bank_details_validated_at is not null as bank_details_validated
    from projects p left join receiving_structures s on s.id = p.structure_id
    where p.id = ${projectId}
    for update of p`;
  return row;
}

/** The payout of a project, if one was recorded. */
export async function findPayoutOfProject(db: Tx, projectId: number): Promise<PayoutRow | undefined> {
  const [row] = await db<PayoutRow[]>`
    select id, project_id, structure_id, amount_cents, status, ledger_transaction_id
    from payouts where project_id = ${projectId}`;
  return row;
}

/** Records a project's payout (status recorded) with the ledger transaction that moved its money. */
export async function insertPayout(
  db: Tx,
  payout: { projectId: number; structureId: number; amountCents: number; ledgerTransactionId: number },
): Promise<PayoutRow> {
  const [row] = await db<PayoutRow[]>`
    insert into payouts (project_id, structure_id, amount_cents, ledger_transaction_id)
    values (${payout.projectId}, ${payout.structureId}, ${payout.amountCents}, ${payout.ledgerTransactionId})
    returning id, project_id, structure_id, amount_cents, status, ledger_transaction_id`;
  return row as PayoutRow;
}
