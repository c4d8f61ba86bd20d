import { z } from '@hono/zod-openapi';
import { PROJECT_STATUSES } from '../../domain/project-status.ts';
import { THEMES } from '../../domain/projects.ts';
import { isUai, PRIORITY_EDUCATION } from '../../domain/schools.ts';
import { PROJECT_SORT_FIELDS } from '../../db/queries/projects.ts';
import { SCHOOL_SORT_FIELDS } from '../../db/queries/schools.ts';
import { USER_SORT_FIELDS } from '../../db/queries/users.ts';
import { listQuery, optionalText } from './common.schemas.ts';

export const SchoolListQuery = listQuery(SCHOOL_SORT_FIELDS, 'name').extend({
  academyCode: optionalText,
  porteurAcademy: z
    .enum(['true'])
    .optional()
    .openapi({ description: 'Seulement les établissements de l’académie de l’adresse académique de l’appelant' }),
  priorityEducation: z.enum(PRIORITY_EDUCATION).optional(),
  q: optionalText,
});

export const ProjectListQuery = listQuery(PROJECT_SORT_FIELDS, 'statusChangedAt').extend({
  status: z.enum(PROJECT_STATUSES).optional(),
  academyCode: optionalText,
  departement: z
    .string()
    .regex(/^([0-9]{2,3}|2A|2B)$/, 'département invalide (ex. 59, 2A, 974)')
    .optional(),
  theme: z.enum(THEMES).optional(),
  priority: z.enum(['rep', 'rep_plus', 'rural']).optional(),
  deadlineWithinDays: z.coerce.number().int().min(0).max(90).optional(),
  q: optionalText,
});

export const UserListQuery = listQuery(USER_SORT_FIELDS, 'email').extend({ q: optionalText });

export const IdParam = z.object({ id: z.coerce.number().int().positive('identifiant invalide') });

export const UaiParam = z.object({
  id: z.string().toUpperCase().refine(isUai, 'code UAI invalide (7 chiffres et leur lettre clé)'),
});
