import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodError } from 'zod';
import type { Db } from '../../db/client.ts';
import {
  CATALOGUE_LAST_PAGE,
  CATALOGUE_SORTS,
  listAcademyOptions,
  listCatalogue,
  platformTotals,
  type PlatformTotals,
} from '../../db/queries/public-catalogue.ts';
import { escapeHtml } from '../../domain/html.ts';
import { LEVELS, THEMES } from '../../domain/projects.ts';
import { defineRoute } from '../auth/access.ts';
import type { AppEnv } from '../context.ts';
import { htmlPage, htmlResponse } from '../html.ts';
import { catalogueHref, cataloguePage } from '../pages/catalogue-page.ts';
import { homePage, type HomeSelections } from '../pages/home-page.ts';
import { siteBase } from '../pages/project-view.ts';

/** A query parameter left blank in a form counts as absent. */
export const blankIsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const CatalogueParams = z.object({
  q: blankIsAbsent(z.string().trim().max(200, 'la recherche est trop longue (200 caractères au plus)')),
  theme: blankIsAbsent(z.enum(THEMES, 'thème inconnu')),
  academie: blankIsAbsent(z.string().regex(/^[a-z-]{2,40}$/, 'académie inconnue')),
  departement: blankIsAbsent(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([0-9]{2,3}|2A|2B)$/, 'département invalide (ex. 59, 2A, 974)'),
  ),
  niveau: blankIsAbsent(z.enum(LEVELS, 'niveau inconnu')),
  priorite: blankIsAbsent(z.enum(['rep_plus', 'rep', 'rural'], 'priorité inconnue (rep_plus, rep ou rural)')),
  statut: blankIsAbsent(z.enum(['en_cours', 'termine'], 'état inconnu (en_cours ou termine)')),
  tri: blankIsAbsent(z.enum(CATALOGUE_SORTS, 'tri inconnu')),
  page: z.preprocess(
    (value) => (value === '' || value === undefined ? 1 : value),
    z.coerce
      .number('page invalide')
      .int('page invalide')
      .min(1, 'page invalide')
      .max(CATALOGUE_LAST_PAGE, `page invalide (${CATALOGUE_LAST_PAGE} au plus)`),
  ),
});

const home = defineRoute('public', {
  method: 'get',
  path: '/',
  summary: 'Accueil du site public : la plateforme, ses chiffres, des projets à soutenir',
  responses: { 200: htmlResponse('La page') },
});
const catalogue = defineRoute('public', {
  method: 'get',
  path: '/projets',
  summary: 'Catalogue des projets (en collecte puis financés), filtres et recherche en français sans accents',
  request: { query: CatalogueParams },
  responses: { 200: htmlResponse('La page'), 400: htmlResponse('Filtre invalide') },
});

const HOME_CACHE_MS = 60_000;
const homeCache = new WeakMap<Db, { at: number; data: Promise<HomeData> }>();
type HomeData = { totals: PlatformTotals; selections: HomeSelections };

/** The home page's figures and selections, computed at most once a minute per database. */
function homeData(db: Db): Promise<HomeData> {
  const cached = homeCache.get(db);
  if (cached && Date.now() - cached.at < HOME_CACHE_MS) return cached.data;
  const collecting = { page: 1, pageSize: 3, statut: 'en_cours' } as const;
  const data = Promise.all([
    platformTotals(db),
    listCatalogue(db, { ...collecting, tri: 'fin' }),
    listCatalogue(db, { ...collecting, tri: 'financement' }),
    listCatalogue(db, { ...collecting, tri: 'fin', priorityOnly: true }),
  ]).then(([totals, endingSoon, nearlyFunded, priority]) => ({
    totals,
    selections: { endingSoon: endingSoon.cards, nearlyFunded: nearlyFunded.cards, priority: priority.cards },
  }));
  homeCache.set(db, { at: Date.now(), data });
  data.catch(() => homeCache.delete(db));
  return data;
}

/** The French page of a search whose parameters are invalid (400), listing each one. */
export function refused(error: ZodError, c: Context) {
  const items = error.issues.map((issue) => `<li>${escapeHtml(`${issue.path.join('.')} : ${issue.message}`)}</li>`);
  return c.html(
    htmlPage(
      'Recherche invalide',
      `<h1>Cette recherche n’est pas valide</h1><ul>${items.join('')}</ul><p><a href="/projets">Voir tous les projets</a></p>`,
    ),
    400,
  );
}

/** The home page and the catalogue of the public site. */
export const cataloguePageRoutes = new OpenAPIHono<AppEnv>()
  .openapi(home, async (c) => {
    const { db, config } = c.get('deps');
    const { totals, selections } = await homeData(db);
    const body = homePage(totals, selections, new Date());
    return c.html(
      htmlPage('Financement participatif des projets d’école', body, {
        url: `${siteBase(config.PUBLIC_URL)}/`,
        description: 'Soutenez les projets pédagogiques des écoles, collèges et lycées, vérifiés et approuvés.',
      }),
      200,
    );
  })
  .openapi(
    catalogue,
    async (c) => {
      const { db, config } = c.get('deps');
      const query = c.req.valid('query');
      const [result, academies] = await Promise.all([listCatalogue(db, query), listAcademyOptions(db)]);
      const title = query.page > 1 ? `Les projets — page ${query.page}` : 'Les projets';
      return c.html(
        htmlPage(title, cataloguePage(query, result, academies, new Date()), {
          url: `${siteBase(config.PUBLIC_URL)}${catalogueHref(query, query.page)}`,
          description: 'Les projets des écoles en collecte et financés, par thème, académie, niveau et priorité.',
        }),
        200,
      );
    },
    (result, c) => (result.success ? undefined : refused(result.error, c)),
  );
