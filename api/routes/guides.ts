import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import type { Tx } from '../../db/client.ts';
import { findGuide, insertGuide, listGuides, slugTaken, updateGuide } from '../../db/queries/guides.ts';
import { slugOf } from '../../domain/slug.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, refusalResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { Guide } from '../../contracts/guides.ts';
import { GuideCreate, GuideListQuery, GuideUpdate } from './guides.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const notFound = { 404: refusalResponses[404] };
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});

const list = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/guides',
  summary: 'Guides du centre de ressources, brouillons compris',
  request: { query: GuideListQuery },
  responses: { 200: jsonResponse(pageSchema(Guide), 'Guides'), ...invalidInput },
});
const one = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/guides/{id}',
  summary: 'Un guide',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Guide, 'Le guide'), ...invalidInput, ...notFound },
});
const create = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/guides',
  summary: 'Écrire un guide (Markdown), en brouillon ou publié',
  request: body(GuideCreate),
  responses: { 201: jsonResponse(z.object({ id: z.number() }), 'Guide créé'), ...invalidInput },
});
const update = defineRoute(ROLE_GROUPS.administrators, {
  method: 'patch',
  path: '/guides/{id}',
  summary: 'Modifier un guide, le publier ou le dépublier',
  request: { params: IdParam, ...body(GuideUpdate) },
  responses: { 200: jsonResponse(z.object({ id: z.number() }), 'Guide modifié'), ...invalidInput, ...notFound },
});

async function assertSlugFree(db: Tx, slug: string, exceptId?: number) {
  if (await slugTaken(db, slug, exceptId)) {
    const message = 'cette adresse est déjà celle d’un autre guide : choisissez-en une autre';
    throw new ApiError(400, 'slug_taken', `Données invalides — ${message}`, [{ path: ['slug'], message }]);
  }
}

const shaped = (guide: NonNullable<Awaited<ReturnType<typeof findGuide>>>) => ({
  ...guide,
  publishedAt: guide.publishedAt?.toISOString() ?? null,
  updatedAt: guide.updatedAt.toISOString(),
});

/** The guides of the resource centre, written and published by admins. */
export const guideRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const page = await listGuides(c.get('deps').db, { ...pageOf(query), sort: query.sort });
    return c.json({ data: page.data.map(shaped), total: page.total }, 200);
  })
  .openapi(one, async (c) => {
    const guide = await findGuide(c.get('deps').db, c.req.valid('param').id);
    if (!guide) throw new ApiError(404, 'not_found', 'Guide introuvable.');
    return c.json(shaped(guide), 200);
  })
  .openapi(create, async (c) => {
    const { db } = c.get('deps');
    const input = c.req.valid('json');
    const slug = input.slug ?? slugOf(input.title);
    await assertSlugFree(db, slug);
    return c.json({ id: await insertGuide(db, { ...input, slug }, currentUser(c).id) }, 201);
  })
  .openapi(update, async (c) => {
    const { db } = c.get('deps');
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    if (input.slug) await assertSlugFree(db, input.slug, id);
    if (!(await updateGuide(db, id, input))) throw new ApiError(404, 'not_found', 'Guide introuvable.');
    return c.json({ id }, 200);
  });
