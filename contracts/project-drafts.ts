import { z } from '@hono/zod-openapi';
import { DOCUMENT_KINDS } from '../domain/documents.ts';
import { MINIMUM_GOAL_CAP_CENTS } from '../domain/money.ts';
import { PROJECT_STATUSES } from '../domain/project-status.ts';
import { LEVELS, THEMES } from '../domain/projects.ts';
import { isUai, PRIORITY_EDUCATION } from '../domain/schools.ts';
import type { Json } from './json.ts';

/*
 * A project as its porteur writes it and the dossier everyone with access reads: shared by the API (which validates
 * and documents them) and the admin (which imports their types only).
 */

const isoDate = z.iso.date('date au format AAAA-MM-JJ');
const cents = (label: string) =>
  z
    .number({ error: `${label} : un montant en centimes est attendu.` })
    .int(`${label} : centimes entiers.`)
    .positive(`${label} : un montant positif est attendu.`);

/** How long before the activity a campaign must start: the review, the campaign itself, then the payout. */
export const DAYS_BEFORE_ACTIVITY_BESIDES_CAMPAIGN = 21;

/** The refusal of a minimum goal above the cap, for a project without the admin's exception. */
export const MINIMUM_GOAL_CAP_MESSAGE =
  'L’objectif minimum est de 5 000 € au plus (au-delà, une dérogation de l’administrateur est nécessaire).';

const draftFields = z.object({
  schoolUai: z.string().toUpperCase().refine(isUai, 'Code UAI invalide (7 chiffres et leur lettre clé).'),
  structureId: z.number().int().positive().nullable().default(null),
  /** the receiving structure's gestionnaire, invited when the project is accepted if they have no account */
  gestionnaireEmail: z
    .email({ error: 'L’adresse e-mail du gestionnaire n’est pas valide.' })
    .max(200)
    .transform((email) => email.toLowerCase())
    .nullable()
    .default(null),
  title: z
    .string()
    .trim()
    .min(5, 'Le titre compte 5 caractères au moins.')
    .max(140, 'Le titre compte 140 caractères au plus.'),
  summary: z.string().trim().min(10, 'Le résumé compte 10 caractères au moins.').max(500),
  description: z.string().trim().max(20_000).default(''),
  theme: z.enum(THEMES, { error: 'Choisissez un thème de la liste.' }),
  levels: z.array(z.enum(LEVELS, { error: 'Niveau inconnu.' })).min(1, 'Indiquez au moins un niveau.'),
  pupilCount: z.number().int().min(1, 'Au moins un élève.').max(2000),
  activityStartsOn: isoDate,
  activityEndsOn: isoDate,
  minimumGoalCents: cents('L’objectif minimum'),
  optimumGoalCents: cents('L’objectif optimal'),
  campaignDays: z
    .number()
    .int()
    .min(7, 'La collecte dure 7 jours au moins.')
    .max(90, 'La collecte dure 90 jours au plus.'),
  budgetLines: z
    .array(
      z.object({
        label: z.string().trim().min(2, 'Chaque ligne de budget a un libellé.').max(200),
        amountCents: cents('Une ligne de budget'),
      }),
    )
    .max(50)
    .default([]),
});

function checkDraft(draft: z.infer<typeof draftFields>, ctx: z.RefinementCtx): void {
  if (draft.optimumGoalCents < draft.minimumGoalCents) {
    ctx.addIssue({
      code: 'custom',
      path: ['optimumGoalCents'],
      message: 'L’objectif optimal est au moins égal à l’objectif minimum.',
    });
  }
  if (draft.activityEndsOn < draft.activityStartsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['activityEndsOn'],
      message: 'L’activité se termine après avoir commencé.',
    });
  }
  const earliest = new Date(Date.now() + (draft.campaignDays + DAYS_BEFORE_ACTIVITY_BESIDES_CAMPAIGN) * 86_400_000);
  if (new Date(`${draft.activityStartsOn}T00:00:00Z`) < earliest) {
    ctx.addIssue({
      code: 'custom',
      path: ['activityStartsOn'],
      message: `L’activité doit commencer au moins ${draft.campaignDays + DAYS_BEFORE_ACTIVITY_BESIDES_CAMPAIGN} jours après aujourd’hui : le temps de l’examen, de la collecte (${draft.campaignDays} jours) et du versement.`,
    });
  }
}

/** A project as its porteur writes it, for a new draft: its minimum goal is 5 000 € at most. */
export const DraftBody = draftFields
  .superRefine((draft, ctx) => {
    if (draft.minimumGoalCents > MINIMUM_GOAL_CAP_CENTS) {
      ctx.addIssue({ code: 'custom', path: ['minimumGoalCents'], message: MINIMUM_GOAL_CAP_MESSAGE });
    }
    checkDraft(draft, ctx);
  })
  .openapi('DraftProject');

/** The same, saving changes: the cap on the minimum goal is checked against the project's exception. */
export const DraftEditBody = draftFields.superRefine(checkDraft).openapi('DraftProjectChanges');

/** POST /api/projects/{id}/news: news of the project for its donors. */
export const NewsBody = z
  .object({
    title: z.string().trim().min(3, 'Le titre compte 3 caractères au moins.').max(140),
    body: z.string().trim().min(10, 'Le texte compte 10 caractères au moins.').max(5000),
  })
  .openapi('ProjectNews');

/** A receiving structure of a school, among which a project chooses its own. */
export const SchoolStructure = z.object({ id: z.number(), legalName: z.string() }).openapi('SchoolStructure');

/** The answer of a creation: the new record's id. */
export const Created = z.object({ id: z.number() }).openapi('Created');

/** GET /api/projects/{id}/dossier: what a validator reads beyond the list's columns. */
export const Dossier = z
  .object({
    id: z.number(),
    description: z.string(),
    levels: z.array(z.string()),
    pupilCount: z.number(),
    activityStartsOn: z.string(),
    activityEndsOn: z.string(),
    campaignDays: z.number(),
    campaignStartsAt: z.date().nullable(),
    minimumGoalException: z.boolean(),
    structureId: z.number().nullable(),
    structureName: z.string().nullable(),
    gestionnaireEmail: z.string().nullable(),
    school: z.object({
      uai: z.string(),
      name: z.string(),
      commune: z.string(),
      priorityEducation: z.enum(PRIORITY_EDUCATION),
      rural: z.boolean(),
      ips: z.number().nullable(),
    }),
    budgetLines: z.array(z.object({ label: z.string(), amountCents: z.number() })),
    documents: z.array(
      z.object({
        id: z.number(),
        kind: z.enum(DOCUMENT_KINDS),
        filename: z.string(),
        imageRights: z.boolean(),
        uploadedAt: z.string(),
      }),
    ),
    porteurHistory: z.array(
      z.object({ id: z.number(), title: z.string(), status: z.enum(PROJECT_STATUSES), createdAt: z.string() }),
    ),
    news: z.array(z.object({ id: z.number(), title: z.string(), body: z.string(), createdAt: z.string() })),
  })
  .openapi('ProjectDossier');

/** What the admin sends to create a project, and to save changes to it, as the API's schemas accept it. */
export type DraftRequest = z.input<typeof DraftBody>;
export type DraftChangesRequest = z.input<typeof DraftEditBody>;
export type NewsRequest = z.input<typeof NewsBody>;
export type SchoolStructureResponse = z.output<typeof SchoolStructure>;

/** What the admin reads of a project's dossier. */
export type DossierResponse = Json<z.output<typeof Dossier>>;
