import { z } from '@hono/zod-openapi';
import type { Json } from './json.ts';

const reviewedText = (label: string, max: number) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} compte ${max} caractères au plus.`);

/** The details an admin validates, as they reviewed them (what the page showed them). */
export const BankDetailsReviewed = z
  .object({
    legalName: reviewedText('La raison sociale relue', 200),
    iban: reviewedText('L’IBAN relu', 50),
    bic: reviewedText('Le BIC relu', 20),
  })
  .openapi('BankDetailsReviewed');

/** A receiving structure as GET /api/structures lists it; the admin imports its type only. */
export const Structure = z
  .object({
    id: z.number(),
    schoolUai: z.string(),
    schoolName: z.string(),
    kind: z.string(),
    legalName: z.string(),
    siret: z.string().nullable(),
    legalRepresentative: z.string().nullable(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    bankDetailsValidatedAt: z.date().nullable(),
    validatedDetails: BankDetailsReviewed.nullable().openapi({
      description: 'what the validation covers; it lapses when one of them changes (null: not validated)',
    }),
  })
  .openapi('ReceivingStructure');

/** What a gestionnaire sends; a legal field left out keeps its value, an empty SIRET removes it. */
export const StructureDetails = z
  .object({
    legalName: z.string().trim().min(2, 'La raison sociale est obligatoire.').max(200).optional(),
    siret: z.preprocess(
      (value) => (typeof value === 'string' ? value.replace(/\s+/g, '') || null : value),
      z
        .string()
        .regex(/^\d{14}$/, 'Le SIRET compte 14 chiffres.')
        .nullable()
        .optional(),
    ),
    legalRepresentative: z.string().trim().min(2, 'Le représentant légal est obligatoire.').max(200).optional(),
    iban: z.string().trim().min(1, 'L’IBAN est obligatoire.').max(50),
    bic: z.string().trim().min(1, 'Le BIC est obligatoire.').max(20),
  })
  .openapi('StructureDetails');

/** What the admin reads of a structure, and what it sends as bank details and as the details it reviewed. */
export type StructureResponse = Json<z.output<typeof Structure>>;
export type StructureDetailsRequest = z.input<typeof StructureDetails>;
export type BankDetailsReviewedRequest = z.input<typeof BankDetailsReviewed>;
