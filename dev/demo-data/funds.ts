import type { Tx } from '../../db/client.ts';
import { createFund, type NewFund } from '../../db/queries/funds.ts';
import { accounts, ensureAccount } from '../../db/queries/ledger.ts';
import { DEFAULT_FUND_RULES, NO_RESTRICTIONS } from '../../domain/funds/defaults.ts';

type DemoFund = Omit<NewFund, 'validFrom' | 'validUntil' | 'rules'>;

/** The general solidarity fund and a regional sponsor fund for Lille's priority schools. */
export const DEMO_FUNDS = {
  general: {
    name: 'Fonds de solidarité général',
    sponsorName: 'Fondation Trousse à Projets',
    budgetCents: 5_000_000,
    isGeneralSolidarity: true,
    restrictions: NO_RESTRICTIONS,
  },
  sponsor: {
    name: 'Fonds Mécénat Hauts-de-France',
    sponsorName: 'Club des entreprises mécènes des Hauts-de-France',
    budgetCents: 2_000_000,
    isGeneralSolidarity: false,
    restrictions: { ...NO_RESTRICTIONS, academies: ['lille'], prioritySchoolsOnly: true },
  },
} satisfies Record<string, DemoFund>;

/**
 * Inserts the demo funds, valid from 90 days ago for a year with the default rules, each endowed with its
 * budget by its sponsor (see createFund) and with its reserved account open.
 */
export async function insertFunds(tx: Tx): Promise<{ general: number; sponsor: number }> {
  const [validity] = await tx<{ validFrom: string; validUntil: string }[]>`
    select (current_date - 90)::text as valid_from, (current_date + 275)::text as valid_until`;
  const ids = { general: 0, sponsor: 0 };
  for (const key of ['general', 'sponsor'] as const) {
    ids[key] = await createFund(tx, { ...DEMO_FUNDS[key], ...validity!, rules: DEFAULT_FUND_RULES });
    await ensureAccount(tx, accounts.fundReserved(ids[key]));
  }
  return ids;
}
