import { z } from '@hono/zod-openapi';
import { MINIMUM_DONATION_CENTS } from '../../domain/money.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} est obligatoire.` })
    .trim()
    .min(1, `${label} est obligatoire.`)
    .max(max, `${label} : ${max} caractères au plus.`);

const optionalText = (label: string, max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), text(label, max).optional());

/** A SIREN: 9 digits whose Luhn checksum holds (a typo is caught here rather than on the tax receipt). */
const Siren = z
  .string()
  .trim()
  .regex(/^\d{9}$/, 'Le SIREN compte 9 chiffres.')
  .refine((siren) => luhn(siren), 'Ce numéro SIREN n’est pas valide (clé de contrôle fausse).');

function luhn(digits: string): boolean {
  let sum = 0;
  for (const [index, char] of [...digits].reverse().entries()) {
    const doubled = Number(char) * (index % 2 === 1 ? 2 : 1);
    sum += doubled > 9 ? doubled - 9 : doubled;
  }
  return sum % 10 === 0;
}

const RECEIPT_FIELDS = [
  ['addressLine', 'L’adresse'],
  ['postalCode', 'Le code postal'],
  ['city', 'La ville'],
] as const;

/** A gift as the donor fills it in: to a project or to a fund, with what a tax receipt needs. */
export const DonationRequest = z
  .object({
    projectId: z.number().int().positive().optional(),
    fundId: z.number().int().positive().optional(),
    amountCents: z
      .number({ error: 'Le montant est obligatoire.' })
      .int('Le montant est un nombre entier de centimes.')
      .min(MINIMUM_DONATION_CENTS, 'Le don minimum est de 5 €.')
      .max(10_000_000, 'Au-delà de 100 000 €, contactez-nous.'),
    donorKind: z.enum(['person', 'company']).default('person'),
    donorName: text('Le nom', 120),
    donorEmail: z.email({ error: 'L’adresse e-mail n’est pas valide.' }).max(200),
    companyName: optionalText('La raison sociale', 200),
    siren: z.preprocess((value) => (value === '' ? undefined : value), Siren.optional()),
    addressLine: optionalText('L’adresse', 200),
    postalCode: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .trim()
        .regex(/^\d{5}$/, 'Le code postal compte 5 chiffres.')
        .optional(),
    ),
    city: optionalText('La ville', 100),
    wantsTaxReceipt: z.boolean().default(false),
    hideName: z.boolean().default(false),
    hideAmount: z.boolean().default(false),
    failureChoice: z
      .enum(['refund', 'redirect'], { error: 'Choisissez « rembourser » ou « reverser au fonds de solidarité ».' })
      .default('refund'),
  })
  // checked even when a field above is wrong, so the donor sees every mistake at once
  .superRefine(
    (gift, ctx) => {
      if ((gift.projectId === undefined) === (gift.fundId === undefined)) {
        ctx.addIssue({
          code: 'custom',
          path: ['projectId'],
          message: 'Donnez à un projet ou à un fonds (l’un des deux).',
        });
      }
      if (gift.donorKind === 'company') {
        if (!gift.companyName) {
          ctx.addIssue({
            code: 'custom',
            path: ['companyName'],
            message: 'La raison sociale est obligatoire pour une entreprise.',
          });
        }
        if (!gift.siren)
          ctx.addIssue({ code: 'custom', path: ['siren'], message: 'Le SIREN est obligatoire pour une entreprise.' });
      }
      if (gift.wantsTaxReceipt) {
        for (const [field, label] of RECEIPT_FIELDS) {
          if (!gift[field])
            ctx.addIssue({ code: 'custom', path: [field], message: `${label} est obligatoire pour un reçu fiscal.` });
        }
      }
    },
    { when: ({ value }) => typeof value === 'object' && value !== null },
  )
  .openapi('DonationRequest');

/** The gift, recorded as pending, and the page where the donor pays. */
export const DonationStarted = z
  .object({ donationId: z.number().int(), checkoutUrl: z.string() })
  .openapi('DonationStarted');

/** What the webhook answers Stripe. */
export const WebhookReceipt = z
  .object({ eventId: z.string(), duplicate: z.boolean(), outcome: z.string() })
  .openapi('WebhookReceipt');
