import type { Tx } from '../../db/client.ts';
import { accounts, postMovements, type Movement } from '../../db/queries/ledger.ts';
import { createDraftReceiptsForConfirmedPayouts } from '../../db/queries/tax-receipts.ts';
import { frenchIban } from './bank.ts';
import { demoExplanation } from './grant-explanation.ts';

type FundKey = 'general' | 'sponsor';

/** A grant of the demo: which fund, to which project, how much, what became of it, on which day (from now). */
type DemoGrant = [
  project: string,
  fund: FundKey,
  kind: 'seeding' | 'topup',
  euros: number,
  status: 'committed' | 'released',
  day: number,
  settledDay: number,
];

// prettier-ignore
const DEMO_GRANTS: DemoGrant[] = [
  ['grigny-potager', 'general', 'seeding', 360, 'committed', -200, -160],
  ['roubaix-chorale', 'general', 'seeding', 300, 'committed', -130, -100],
  ['roubaix-chorale', 'sponsor', 'seeding', 200, 'committed', -130, -100],
  ['charleville-strasbourg', 'general', 'seeding', 400, 'released', -70, -10],
  ['mende-aubrac', 'general', 'seeding', 500, 'committed', -50, -5],
  ['mende-aubrac', 'general', 'topup', 250, 'committed', -12, -5],
];

interface Context {
  projectIds: ReadonlyMap<string, number>;
  fundIds: Record<FundKey, number>;
  adminId: number;
}

const dayAt = (tx: Tx, day: number) => tx`now() + make_interval(days => ${day})`;

/**
 * The money that gives each role work on its home page: the funds' grants (the mécène's impact), Roubaix's
 * chorale paid out to its structure (the gestionnaire's payout and receipts), whose bank details then changed
 * and await an admin's validation; every movement dated on its day, so the charts spread over the months.
 */
export async function insertHomeWork(tx: Tx, context: Context): Promise<void> {
  const movements: Movement[] = [];
  for (const [key, fund, kind, euros, status, day, settledDay] of DEMO_GRANTS) {
    const projectId = context.projectIds.get(key)!;
    const fundId = context.fundIds[fund];
    const explanation = await demoExplanation(tx, { fundId, projectId, kind, cents: euros * 100, day });
    const [grant] = await tx<{ id: number; createdAt: Date; settledAt: Date }[]>`
      insert into grants (fund_id, project_id, kind, amount_cents, status, explanation, created_at, settled_at)
      values (${fundId}, ${projectId}, ${kind}, ${euros * 100}, ${status},
              ${tx.json(explanation as never)}, ${dayAt(tx, day)}, ${dayAt(tx, settledDay)})
      returning id, created_at, settled_at`;
    const line = (amountCents: number, account = accounts.fundReserved(fundId)) => ({ account, amountCents });
    movements.push({
      kind: 'grant_reserved',
      idempotencyKey: `grant-reserve-${grant!.id}`,
      description: `Réservation du fonds ${fundId} pour le projet ${projectId}`,
      grantId: grant!.id,
      at: grant!.createdAt.toISOString(),
      lines: [line(-euros * 100, accounts.fundAvailable(fundId)), line(euros * 100)],
    });
    const committed = status === 'committed';
    movements.push({
      kind: committed ? 'grant_committed' : 'grant_released',
      idempotencyKey: `${committed ? 'grant-commit' : 'grant-release'}-${grant!.id}`,
      description: `${committed ? 'Versement au' : 'Retour du'} projet ${projectId} du fonds ${fundId}`,
      grantId: grant!.id,
      at: grant!.settledAt.toISOString(),
      lines: [
        line(-euros * 100),
        line(euros * 100, committed ? accounts.project(projectId) : accounts.fundAvailable(fundId)),
      ],
    });
  }
  await postMovements(tx, movements);
  await payOut(tx, context.projectIds.get('roubaix-chorale')!, context.adminId);
}

/** Pays the project's balance out to its structure (recorded 95 days ago, executed 2 days later), then changes its IBAN. */
async function payOut(tx: Tx, projectId: number, adminId: number): Promise<void> {
  const [facts] = await tx<{ structureId: number; cents: number; iban: string; bic: string }[]>`
    select p.structure_id, r.iban, r.bic,
           (select sum(l.amount_cents) from ledger_lines l join ledger_accounts a on a.id = l.account_id
            where a.code = ${accounts.project(projectId).code})::bigint as cents
    from projects p join receiving_structures r on r.id = p.structure_id where p.id = ${projectId}`;
  const { structureId, cents, iban, bic } = facts!;
  const [times] = await tx<{ recorded: Date; confirmed: Date }[]>`
    select now() - interval '95 days' as recorded, now() - interval '93 days' as confirmed`;
  const [batch] = await tx<{ id: number }[]>`
    insert into payout_batches (message_id, payout_count, total_cents, requested_execution_date, file, created_by,
                                created_at, confirmed_by, confirmed_at)
    values ('DEMO-LOT-1', 1, ${cents}, current_date - 94, 'Fichier SEPA de démonstration', ${adminId},
            ${times!.recorded}, ${adminId}, ${times!.confirmed})
    returning id`;
  const payable = accounts.structurePayable(structureId);
  const movement = (kind: string, key: string, at: Date, from: typeof payable, to: typeof payable): Movement => ({
    kind,
    idempotencyKey: key,
    description: `Versement du projet ${projectId} à sa structure réceptrice`,
    at: at.toISOString(),
    lines: [
      { account: from, amountCents: -cents },
      { account: to, amountCents: cents },
    ],
  });
  await postMovements(tx, [
    movement('payout', `payout-project-${projectId}`, times!.recorded, accounts.project(projectId), payable),
  ]);
  const [recorded] = await tx<{ id: number }[]>`
    select id from ledger_transactions where idempotency_key = ${`payout-project-${projectId}`}`;
  const [payout] = await tx<{ id: number }[]>`
    insert into payouts (project_id, structure_id, amount_cents, status, ledger_transaction_id, created_at, batch_id,
                         exported_iban, exported_bic, confirmed_at)
    values (${projectId}, ${structureId}, ${cents}, 'confirmed', ${recorded!.id}, ${times!.recorded}, ${batch!.id},
            ${iban}, ${bic}, ${times!.confirmed})
    returning id`;
  await postMovements(tx, [
    movement(
      'payout_confirmed',
      `payout-confirmed-${payout!.id}`,
      times!.confirmed,
      payable,
      accounts.structurePaid(structureId),
    ),
  ]);
  await createDraftReceiptsForConfirmedPayouts(tx);
  await tx`update receiving_structures set iban = ${frenchIban('30004', '00819', '00010987654')}, bic = 'BNPAFRPPXXX'
           where id = ${structureId}`;
}
