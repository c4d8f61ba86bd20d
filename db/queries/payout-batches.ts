import type { Tx } from '../client.ts';
import { cappedCount, whereAll, type Page } from './paging.ts';

/** A payout as the treasurer lists it: project, structure, amount and where it stands. */
export interface PayoutListRow {
  id: number;
  projectId: number;
  projectTitle: string;
  structureId: number;
  structureName: string;
  amountCents: number;
  status: 'recorded' | 'exported' | 'confirmed';
  batchId: number | null;
  bankDetailsValidated: boolean;
  createdAt: Date;
}

/** A page of payouts, newest first, optionally of one status or one batch; the total is capped (see LIST_ROW_CAP). */
export async function listPayouts(
  db: Tx,
  options: { status?: string; batchId?: number; offset: number; limit: number },
): Promise<Page<PayoutListRow>> {
  const where = whereAll(db, [
    ...(options.status ? [db`o.status = ${options.status}`] : []),
    ...(options.batchId !== undefined ? [db`o.batch_id = ${options.batchId}`] : []),
  ]);
  const data = await db<PayoutListRow[]>`
    select o.id, o.project_id, p.title as project_title, o.structure_id, s.legal_name as structure_name,
           o.amount_cents, o.status, o.batch_id, s.bank_details_validated_at is not null as bank_details_validated,
           o.created_at
    from payouts o join projects p on p.id = o.project_id join receiving_structures s on s.id = o.structure_id
    ${where} order by o.id desc offset ${options.offset} limit ${options.limit}`;
  return { data, total: await cappedCount(db, db`select 1 from payouts o ${where}`) };
}

/** A recorded payout ready to export, with its creditor as validated (null when its details are not validated). */
export interface PayoutToExport {
  id: number;
  projectId: number;
  projectTitle: string;
  structureId: number;
  structureName: string;
  amountCents: number;
  hasBankDetails: boolean;
  creditorName: string | null;
  iban: string | null;
  bic: string | null;
}

/**
 * Every recorded payout, locked (an export running at the same time waits, then finds them exported), with the
 * name and bank details its structure's validation covers: a transfer is made only with what an admin reviewed.
 */
export async function lockRecordedPayouts(db: Tx): Promise<PayoutToExport[]> {
  return db<PayoutToExport[]>`
    select o.id, o.project_id, p.title as project_title, o.structure_id, s.legal_name as structure_name,
           o.amount_cents, s.iban is not null and s.bic is not null as has_bank_details,
           v.legal_name as creditor_name, v.iban, v.bic
    from payouts o join projects p on p.id = o.project_id join receiving_structures s on s.id = o.structure_id
         left join lateral (
           select s.bank_details_validated_legal_name as legal_name, s.bank_details_validated_iban as iban,
                  s.bank_details_validated_bic as bic
           where s.bank_details_validated_at is not null) v on true
    where o.status = 'recorded'
    order by o.id
    for update of o`;
}

/** Stores a batch and its file, and marks its payouts exported with the creditor details the file holds. */
export async function insertBatch(
  db: Tx,
  batch: {
    messageId: string;
    executionDate: string;
    file: string;
    createdBy: number;
    payouts: { id: number; amountCents: number; iban: string; bic: string }[];
  },
): Promise<number> {
  const total = batch.payouts.reduce((sum, payout) => sum + payout.amountCents, 0);
  const [row] = await db<{ id: number }[]>`
    insert into payout_batches (message_id, payout_count, total_cents, requested_execution_date, file, created_by)
    values (${batch.messageId}, ${batch.payouts.length}, ${total}, ${batch.executionDate}, ${batch.file},
            ${batch.createdBy})
    returning id`;
  const batchId = (row as { id: number }).id;
  for (const payout of batch.payouts) {
    await db`
      update payouts set status = 'exported', batch_id = ${batchId}, exported_iban = ${payout.iban},
                         exported_bic = ${payout.bic}
      where id = ${payout.id}`;
  }
  return batchId;
}

/** A batch as the treasurer lists it (without its file). */
export interface BatchRow {
  id: number;
  messageId: string;
  payoutCount: number;
  totalCents: number;
  requestedExecutionDate: string;
  createdAt: Date;
  confirmedAt: Date | null;
}

const batchColumns = (db: Tx) => db`
  id, message_id, payout_count, total_cents, requested_execution_date::text, created_at, confirmed_at`;

/** A page of batches, newest first. */
export async function listBatches(db: Tx, page: { offset: number; limit: number }): Promise<Page<BatchRow>> {
  const data = await db<BatchRow[]>`
    select ${batchColumns(db)} from payout_batches order by id desc offset ${page.offset} limit ${page.limit}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from payout_batches`;
  return { data, total: count?.total ?? 0 };
}

/** One batch and its file, or undefined. */
export async function findBatch(db: Tx, id: number): Promise<(BatchRow & { file: string }) | undefined> {
  const [row] = await db<(BatchRow & { file: string })[]>`
    select ${batchColumns(db)}, file from payout_batches where id = ${id}`;
  return row;
}

/**
 * Marks a batch confirmed (the bank executed it), locking it; returns its payouts to settle, or undefined for
 * an unknown batch. A batch confirmed before returns its payouts again (settling them is idempotent).
 */
export async function confirmBatch(
  db: Tx,
  id: number,
  userId: number,
): Promise<{ payoutId: number; structureId: number; amountCents: number }[] | undefined> {
  const [batch] = await db<{ id: number }[]>`
    update payout_batches set confirmed_at = coalesce(confirmed_at, clock_timestamp()),
                              confirmed_by = coalesce(confirmed_by, ${userId})
    where id = ${id} returning id`;
  if (!batch) return undefined;
  return db<{ payoutId: number; structureId: number; amountCents: number }[]>`
    update payouts set status = 'confirmed', confirmed_at = coalesce(confirmed_at, clock_timestamp())
    where batch_id = ${id}
    returning id as payout_id, structure_id, amount_cents`;
}
