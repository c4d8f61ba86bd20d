import { z } from '@hono/zod-openapi';
import { DEFAULT_FUND_RULES } from '../domain/funds/defaults.ts';
import { GRANT_KINDS, GRANT_STATUSES } from '../domain/funds/types.ts';
import { LEVELS, THEMES } from '../domain/projects.ts';
import type { Json } from './json.ts';

/* The funds and their grants, as the API validates and documents them; the admin imports their types only. */

const cents = (what: string) => z.number().int(`${what} : montant en centimes entiers`).min(0).max(10_000_000_000);
const distinct = <T extends z.ZodType<string>>(item: T) =>
  z
    .array(item)
    .max(200)
    .default([])
    .transform((values) => [...new Set(values)]);

/** Who a fund may help; an empty list means no restriction on that criterion. */
export const FundRestrictions = z
  .object({
    themes: distinct(z.enum(THEMES)),
    academies: distinct(z.string().regex(/^[a-z-]+$/, 'code d’académie en minuscules, ex. « lille »')),
    departements: distinct(z.string().regex(/^([0-9]{2,3}|2A|2B)$/, 'numéro de département, ex. « 59 » ou « 2A »')),
    levels: distinct(z.enum(LEVELS)),
    prioritySchoolsOnly: z.boolean().default(false),
  })
  .openapi('FundRestrictions');

/** How much a fund gives and when. */
export const FundRules = z
  .object({
    seedingShareBp: z.number().int().min(0).max(10_000).default(DEFAULT_FUND_RULES.seedingShareBp).openapi({
      description: 'part du minimum accordée à la publication, en points de base (2000 = 20 %)',
    }),
    seedingCapCents: cents('plafond d’amorçage').default(DEFAULT_FUND_RULES.seedingCapCents),
    topUpThresholdPct: z.number().int().min(1).max(100).default(DEFAULT_FUND_RULES.topUpThresholdPct),
    topUpMinDonors: z.number().int().min(0).max(1000).default(DEFAULT_FUND_RULES.topUpMinDonors),
    topUpDaysLeft: z.number().int().min(0).max(90).default(DEFAULT_FUND_RULES.topUpDaysLeft),
    topUpCapCents: cents('plafond d’abondement').default(DEFAULT_FUND_RULES.topUpCapCents),
  })
  .openapi('FundRules');

const fundTerms = z.object({
  name: z.string().trim().min(3, 'nom du fonds (3 caractères au moins)').max(200),
  sponsorName: z.string().trim().min(2, 'nom du mécène (2 caractères au moins)').max(200),
  validFrom: z.iso.date('date au format AAAA-MM-JJ'),
  validUntil: z.iso.date('date au format AAAA-MM-JJ'),
  isGeneralSolidarity: z.boolean().default(false),
  restrictions: FundRestrictions.prefault({}),
  rules: FundRules.prefault({}),
});
const validInOrder: [(fund: { validFrom: string; validUntil: string }) => boolean, z.core.$ZodCustomParams] = [
  (fund) => fund.validUntil >= fund.validFrom,
  { message: 'la fin de validité ne peut précéder son début', path: ['validUntil'] },
];

/** POST /api/funds: a new fund, its restrictions and rules (their defaults when omitted). */
export const NewFundBody = fundTerms
  .extend({ budgetCents: cents('budget') })
  .refine(...validInOrder)
  .openapi('NewFund');

/** PATCH /api/funds/{id}: what an admin may change in a fund — everything but its budget, which is in the ledger. */
export const FundTermsBody = fundTerms.refine(...validInOrder).openapi('FundTerms');

/** A fund with its balances from the ledger, as GET /api/funds lists it. */
export const Fund = z
  .object({
    id: z.number(),
    name: z.string(),
    sponsorName: z.string(),
    budgetCents: z.number().int(),
    availableCents: z.number().int(),
    reservedCents: z.number().int(),
    committedCents: z.number().int(),
    validFrom: z.string(),
    validUntil: z.string(),
    isGeneralSolidarity: z.boolean(),
    restrictions: z.object({
      themes: z.array(z.string()),
      academies: z.array(z.string()),
      departements: z.array(z.string()),
      levels: z.array(z.string()),
      prioritySchoolsOnly: z.boolean(),
    }),
    rules: z.object({
      seedingShareBp: z.number().int(),
      seedingCapCents: z.number().int(),
      topUpThresholdPct: z.number().int(),
      topUpMinDonors: z.number().int(),
      topUpDaysLeft: z.number().int(),
      topUpCapCents: z.number().int(),
    }),
  })
  .openapi('Fund');

const AllocationLine = z.object({
  projectId: z.number(),
  rank: z.number(),
  requestedCents: z.number().int(),
  grantedCents: z.number().int(),
  outcome: z.enum(['full', 'partial', 'none']),
  scoreLabel: z.string(),
  reason: z.string(),
});

/** Why a grant was made: the rule, the conditions met, the amount's steps and the priority rank. */
export const GrantExplanation = z
  .object({
    rule: z.enum(GRANT_KINDS),
    summary: z.string(),
    decidedOn: z.string(),
    fund: z.object({ id: z.number(), name: z.string(), availableCents: z.number().int() }),
    inputs: z.record(z.string(), z.unknown()),
    conditions: z.array(z.string()),
    amount: z.object({ computedCents: z.number().int(), grantedCents: z.number().int(), steps: z.array(z.string()) }),
    score: z.object({ key: z.array(z.number()), label: z.string(), rank: z.number(), of: z.number() }),
    competitorCount: z.number().int(),
    competitors: z.array(AllocationLine),
  })
  .openapi('GrantExplanation');

/** A fund's grant to a project, with its explanation. */
export const Grant = z
  .object({
    id: z.number(),
    fundId: z.number(),
    fundName: z.string(),
    projectId: z.number(),
    projectTitle: z.string(),
    schoolName: z.string(),
    kind: z.enum(GRANT_KINDS),
    amountCents: z.number().int(),
    status: z.enum(GRANT_STATUSES),
    createdAt: z.date(),
    settledAt: z.date().nullable(),
    explanation: GrantExplanation,
  })
  .openapi('Grant');

/** What the admin sends to create a fund, and to change its terms. */
export type NewFundRequest = z.input<typeof NewFundBody>;
export type FundTermsRequest = z.input<typeof FundTermsBody>;

/** What the admin reads of a fund, and of a grant. */
export type FundResponse = Json<z.output<typeof Fund>>;
export type GrantResponse = Json<z.output<typeof Grant>>;
