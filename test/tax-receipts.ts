import { extractText } from 'unpdf';
import { expect } from 'vitest';
import { createPaymentActivities } from '../activities/payments.ts';
import type { ActivityDeps } from '../activities/index.ts';
import type { Db } from '../db/client.ts';
import type { Browser } from './app.ts';
import { insertProject, insertSchool, insertUser } from './fixtures.ts';
import { insertReceivingStructure, recordPaidDonation } from './money.ts';

/** A gift that asks for a tax receipt, from a person or (with `company`) a company. */
export interface ReceiptGift {
  amountCents: number;
  email: string;
  company?: boolean;
  /** the donor's name; Louise Garnier by default */
  name?: string;
}

/**
 * A project whose gifts (each asking for a receipt) were paid out to its receiving structure (a new one, or
 * `structureId`); `confirmed` (the default) says whether the bank executed the payout (as POST
 * /api/payout-batches and its confirmation record).
 */
export async function paidOutProject(
  deps: Pick<ActivityDeps, 'db' | 'stripe'> & { adminId: number },
  gifts: ReceiptGift[],
  options: { confirmed?: boolean; structureId?: number } = {},
) {
  const { db } = deps;
  const schoolUai = options.structureId
    ? (
        await db<{ schoolUai: string }[]>`select school_uai from receiving_structures where id = ${options.structureId}`
      )[0]!.schoolUai
    : await insertSchool(db, { name: 'École Jean Macé' });
  const porteur = await insertUser(db, 'porteur');
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 1 });
  const structureId = options.structureId ?? (await insertReceivingStructure(db, { projectId }));
  await db`update projects set structure_id = ${structureId} where id = ${projectId}`;
  const donationIds: number[] = [];
  for (const gift of gifts) {
    const id = await recordPaidDonation(db, {
      projectId,
      amountCents: gift.amountCents,
      donorEmail: gift.email,
      donorName: gift.name ?? 'Louise Garnier',
    });
    await db`
      update donations set wants_tax_receipt = true, address_line = '12 rue des Lilas', postal_code = '59100',
             city = 'Roubaix', donor_kind = ${gift.company ? 'company' : 'person'},
             company_name = ${gift.company ? 'Boulangerie Garnier SARL' : null}, siren = ${gift.company ? '732829320' : null}
      where id = ${id}`;
    donationIds.push(id);
  }
  await createPaymentActivities({ db, stripe: deps.stripe }).recordPayout({ projectId });
  if (options.confirmed ?? true) await confirmPayout(db, projectId, deps.adminId);
  return { projectId, structureId, donationIds };
}

/** Records that the bank executed the project's payout, in a batch of its own. */
export async function confirmPayout(db: Db, projectId: number, adminId: number) {
  const [batch] = await db<{ id: number }[]>`
    insert into payout_batches (message_id, payout_count, total_cents, requested_execution_date, file, created_by)
    select ${`TEST-${projectId}`}, 1, amount_cents, current_date, '<Document/>', ${adminId}
    from payouts where project_id = ${projectId} returning id`;
  await db`update payouts set status = 'confirmed', batch_id = ${batch!.id} where project_id = ${projectId}`;
}

/** A receipt as GET /api/tax-receipts lists it. */
export interface ListedReceipt {
  id: number;
  structureId: number;
  status: string;
  year: number | null;
  number: number | null;
  donationId: number;
  amountCents: number;
  donorName: string;
  structureName: string;
}

/** The receipts of one structure that the client sees in GET /api/tax-receipts. */
export async function receiptsOf(client: Browser, structureId: number): Promise<ListedReceipt[]> {
  const response = await client.request('GET', '/api/tax-receipts?perPage=200');
  expect(response.status).toBe(200);
  const page = (await response.json()) as { data: ListedReceipt[] };
  return page.data.filter((receipt) => receipt.structureId === structureId);
}

/** The text of a PDF response's pages, joined, whitespace collapsed; checks it is a PDF. */
export async function pdfText(response: Response): Promise<string> {
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const { text } = await extractText(new Uint8Array(await response.arrayBuffer()), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}
