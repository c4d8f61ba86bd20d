import { z } from '@hono/zod-openapi';
import { listQuery, optionalText } from './common.schemas.ts';

export const StructureListQuery = listQuery(['legalName'] as const, 'legalName').extend({
  q: optionalText,
  bankDetails: z.enum(['to_validate'], { error: 'Filtre inconnu : « to_validate » attendu.' }).optional().openapi({
    description: 'to_validate : seulement les coordonnées bancaires saisies qui attendent leur validation',
  }),
});
