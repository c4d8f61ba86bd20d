import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../db/queries/audit.ts';
import { accounts, postMovement } from '../../db/queries/ledger.ts';
import {
  confirmBatch,
  insertBatch,
  lockRecordedPayouts,
  type PayoutToExport,
} from '../../db/queries/payout-batches.ts';
import { pain001 } from '../../domain/sepa.ts';
import type { ApiDeps } from '../context.ts';
import { ApiError } from '../errors.ts';

/** A payout an export left out, and why. */
export interface LeftOut {
  payoutId: number;
  projectTitle: string;
  structureName: string;
  reason: string;
}

/** The next weekday after `day` (banks execute transfers on business days): the requested execution date. */
function nextBusinessDay(day: Date): string {
  const next = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate() + 1));
  while (next.getUTCDay() === 0 || next.getUTCDay() === 6) next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

type Exportable = PayoutToExport & { creditorName: string; iban: string; bic: string };

const exportable = (payout: PayoutToExport): payout is Exportable =>
  payout.creditorName !== null && payout.iban !== null && payout.bic !== null;

const whyNotReady = (payout: PayoutToExport) =>
  !payout.hasBankDetails
    ? `« ${payout.structureName} » n’a pas encore saisi ses coordonnées bancaires.`
    : `Les coordonnées bancaires de « ${payout.structureName} » ne sont pas validées : un administrateur doit les valider.`;

/**
 * Exports every recorded payout whose structure's bank details are validated into one batch and its SEPA
 * credit transfer file (pain.001.001.03), made out with the validated name, IBAN and BIC, in one transaction that locks them: two exports at once never put a
 * payout in two files. Payouts without validated bank details stay recorded and are listed with the reason.
 */
export async function exportPayouts(deps: Pick<ApiDeps, 'db' | 'config'>, userId: number) {
  return deps.db.begin(async (tx) => {
    const recorded = await lockRecordedPayouts(tx);
    const ready = recorded.filter(exportable);
    const leftOut: LeftOut[] = recorded
      .filter((payout) => !exportable(payout))
      .map((payout) => ({
        payoutId: payout.id,
        projectTitle: payout.projectTitle,
        structureName: payout.structureName,
        reason: whyNotReady(payout),
      }));
    if (ready.length === 0) {
      throw new ApiError(409, 'nothing_to_export', 'Aucun versement n’est prêt à être exporté.', { leftOut });
    }
    const now = new Date();
    const messageId = `TAP-${now.toISOString().slice(0, 10).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
    const executionDate = nextBusinessDay(now);
    const file = pain001({
      messageId,
      createdAt: now,
      executionDate,
      debtor: {
        name: deps.config.PLATFORM_DEBTOR_NAME,
        iban: deps.config.PLATFORM_DEBTOR_IBAN,
        bic: deps.config.PLATFORM_DEBTOR_BIC,
      },
      transfers: ready.map((payout) => ({
        endToEndId: `TAP-PAYOUT-${payout.id}`,
        amountCents: payout.amountCents,
        creditorName: payout.creditorName,
        iban: payout.iban,
        bic: payout.bic,
        remittance: `Trousse a Projets - projet ${payout.projectId} - ${payout.projectTitle}`,
      })),
    });
    const batchId = await insertBatch(tx, { messageId, executionDate, file, createdBy: userId, payouts: ready });
    const totalCents = ready.reduce((sum, payout) => sum + payout.amountCents, 0);
    await recordAudit(tx, {
      actorId: userId,
      action: 'payouts_exported',
      entityType: 'payout_batch',
      entityId: String(batchId),
      details: { messageId, payoutIds: ready.map((payout) => payout.id), totalCents },
    });
    return { batchId, messageId, exported: ready.length, totalCents, leftOut };
  });
}

/**
 * Records that the bank executed a batch: its payouts are confirmed and each one's money moves from the
 * structure's payable account to its paid one, once (`payout-confirmed-<id>`); confirming again changes nothing.
 */
export async function confirmPayoutBatch(deps: Pick<ApiDeps, 'db'>, batchId: number, userId: number) {
  return deps.db.begin(async (tx) => {
    const payouts = await confirmBatch(tx, batchId, userId);
    if (!payouts) throw new ApiError(404, 'not_found', 'Lot de virements introuvable.');
    let settled = 0;
    for (const payout of payouts) {
      const { created } = await postMovement(tx, {
        kind: 'payout_confirmed',
        idempotencyKey: `payout-confirmed-${payout.payoutId}`,
        description: `Virement du versement ${payout.payoutId} exécuté par la banque`,
        lines: [
          { account: accounts.structurePayable(payout.structureId), amountCents: -payout.amountCents },
          { account: accounts.structurePaid(payout.structureId), amountCents: payout.amountCents },
        ],
      });
      if (created) settled += 1;
    }
    if (settled > 0) {
      await recordAudit(tx, {
        actorId: userId,
        action: 'payouts_confirmed',
        entityType: 'payout_batch',
        entityId: String(batchId),
      });
    }
    return { batchId, confirmed: payouts.length, newlySettled: settled };
  });
}
