import type { Tx } from '../../db/client.ts';
import { ensureAccount, recordTransfer } from './ledger.ts';

interface DemoFund {
  name: string;
  sponsorName: string;
  budgetCents: number;
  isGeneralSolidarity: boolean;
  academies: string[];
  priorityOnly: boolean;
}

/** The general solidarity fund and a regional sponsor fund for Lille's priority schools. */
export const DEMO_FUNDS = {
  general: {
    name: 'Fonds de solidarité général',
    sponsorName: 'Fondation Trousse à Projets',
    budgetCents: 5_000_000,
    isGeneralSolidarity: true,
    academies: [],
    priorityOnly: false,
  },
  sponsor: {
    name: 'Fonds Mécénat Hauts-de-France',
    sponsorName: 'Club des entreprises mécènes des Hauts-de-France',
    budgetCents: 2_000_000,
    isGeneralSolidarity: false,
    academies: ['lille'],
    priorityOnly: true,
  },
} satisfies Record<string, DemoFund>;

/** Inserts the demo funds and moves each budget from its sponsor into the fund's available account. */
export async function insertFunds(tx: Tx): Promise<{ general: number; sponsor: number }> {
  const ids = { general: 0, sponsor: 0 };
  for (const key of ['general', 'sponsor'] as const) {
    const fund: DemoFund = DEMO_FUNDS[key];
    const [row] = await tx<{ id: number }[]>`
      insert into funds (name, sponsor_name, budget_cents, valid_from, valid_until, is_general_solidarity,
        academies, priority_schools_only, created_at)
      values (${fund.name}, ${fund.sponsorName}, ${fund.budgetCents}, current_date - 90, current_date + 275,
        ${fund.isGeneralSolidarity}, ${fund.academies}::text[], ${fund.priorityOnly}, now() - interval '90 days')
      returning id`;
    const id = row!.id;
    ids[key] = id;
    const available = await ensureAccount(tx, {
      code: `fund:${id}:available`,
      kind: 'fund_available',
      name: `${fund.name} — disponible`,
      fundId: id,
    });
    await ensureAccount(tx, {
      code: `fund:${id}:reserved`,
      kind: 'fund_reserved',
      name: `${fund.name} — réservé`,
      fundId: id,
    });
    const contributions = await ensureAccount(tx, {
      code: `sponsor:${id}:contributions`,
      kind: 'sponsor_contributions',
      name: `Apports de ${fund.sponsorName}`,
      fundId: id,
    });
    await recordTransfer(tx, {
      kind: 'fund_endowment',
      idempotencyKey: `demo-fund-${id}-endowment`,
      description: `Dotation du ${fund.name} par ${fund.sponsorName}`,
      fromAccountId: contributions,
      toAccountId: available,
      amountCents: fund.budgetCents,
      hoursFromNow: -90 * 24,
    });
  }
  return ids;
}
