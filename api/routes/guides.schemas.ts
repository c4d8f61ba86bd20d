import { z } from '@hono/zod-openapi';
import { GUIDE_SORT_FIELDS } from '../../db/queries/guides.ts';
import { SLUG_PATTERN } from '../../domain/slug.ts';
import { listQuery } from './common.schemas.ts';

export const GuideListQuery = listQuery(GUIDE_SORT_FIELDS, 'updatedAt');

// a form's emptied field (react-admin sends null) counts as not given
const emptiedIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === null || value === '' ? undefined : value), schema);

const fields = {
  title: z.string().trim().min(3, 'donnez un titre (3 caractères au moins)').max(200),
  slug: z
    .string()
    .trim()
    .max(80, 'adresse trop longue (80 caractères au plus)')
    .regex(
      SLUG_PATTERN,
      'adresse invalide : lettres minuscules sans accents, chiffres et tirets (ex. monter-son-projet)',
    ),
  summary: z.string().trim().max(500, 'résumé trop long (500 caractères au plus)'),
  bodyMarkdown: z.string().trim().min(1, 'écrivez le texte du guide').max(100_000),
  status: z.enum(['draft', 'published'], 'statut inconnu (draft ou published)'),
};

export const GuideCreate = z
  .object({
    ...fields,
    slug: emptiedIsAbsent(fields.slug.optional()).openapi({ description: 'made from the title when omitted' }),
    summary: emptiedIsAbsent(fields.summary.default('')),
    status: fields.status.default('draft'),
  })
  .openapi('GuideCreate');

export const GuideUpdate = z
  .object({
    ...fields,
    slug: emptiedIsAbsent(fields.slug.optional()),
    summary: z.preprocess((value) => (value === null ? '' : value), fields.summary.optional()),
  })
  .partial()
  .openapi('GuideUpdate');
