import { OpenAPIHono } from '@hono/zod-openapi';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { exportDonations, listDonations, type DonationScope } from '../../db/queries/donation-list.ts';
import { listAnomalies, resolveAnomaly } from '../../db/queries/stripe-events.ts';
import { formatShortDate } from '../../domain/format.ts';
import { DONATION_STATUS_LABELS } from '../../domain/payments.ts';
import type { User } from '../../db/queries/users.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { managedStructures } from '../auth/scopes.ts';
import type { AppEnv } from '../context.ts';
import { centsAsFrenchDecimal, toFrenchCsv } from '../csv.ts';
import { ApiError, validationHook } from '../errors.ts';
import { cappedPageOf, invalidInput, jsonResponse, pageOf, pageSchema, refusalResponses } from './common.schemas.ts';
import { Anomaly, DonationListItem } from '../../contracts/donations.ts';
import { AnomalyListQuery, DonationExportQuery, DonationListQuery } from './donation-list.schemas.ts';
import { IdParam } from './resources.schemas.ts';

const READERS = ROLE_GROUPS.donationReaders;

const list = defineRoute(READERS, {
  method: 'get',
  path: '/donations',
  summary: 'Dons : tous (admin), ceux des projets de sa structure (gestionnaire), ceux de ses projets (porteur)',
  request: { query: DonationListQuery },
  responses: { 200: jsonResponse(pageSchema(DonationListItem), 'Dons'), ...invalidInput },
});

const csv = defineRoute(READERS, {
  method: 'get',
  path: '/donations.csv',
  summary: 'Les mêmes dons en CSV pour Excel (UTF-8, « ; », montants en euros avec une virgule)',
  request: { query: DonationExportQuery },
  responses: {
    200: { description: 'Une ligne par don', content: { 'text/csv': { schema: { type: 'string' as const } } } },
    ...invalidInput,
  },
});

const anomalies = defineRoute(ROLE_GROUPS.administrators, {
  method: 'get',
  path: '/payment-anomalies',
  summary: 'Anomalies de paiement à examiner (montants différents, paiements inconnus, contestations…)',
  request: { query: AnomalyListQuery },
  responses: { 200: jsonResponse(pageSchema(Anomaly), 'Anomalies'), ...invalidInput },
});

const resolve = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/payment-anomalies/{id}/resolve',
  summary: 'Marque une anomalie comme traitée',
  request: { params: IdParam },
  responses: { 204: { description: 'Traitée' }, ...invalidInput, 404: refusalResponses[404] },
});

/** The donations a user's roles let them see. */
function donationScopeOf(user: User): DonationScope {
  return {
    all: user.roles.some((held) => held.role === 'admin'),
    structureIds: managedStructures(user),
    porteurId: user.roles.some((held) => held.role === 'porteur') ? user.id : undefined,
  };
}

const HEADERS = [
  'N° du don',
  'Projet',
  'Fonds',
  'Montant (€)',
  'Remboursé (€)',
  'Statut',
  'Donateur',
  'Entreprise',
  'SIREN',
  'E-mail',
  'Adresse',
  'Reçu fiscal',
  'Si échec',
  'Payé le',
];

/** Donations for the people who handle them, and payment anomalies for admins. */
export const donationListRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const scope = donationScopeOf(currentUser(c));
    return c.json(await listDonations(c.get('deps').db, { ...query, ...cappedPageOf(query), scope }), 200);
  })
  .openapi(csv, async (c) => {
    const rows = await exportDonations(c.get('deps').db, {
      ...c.req.valid('query'),
      scope: donationScopeOf(currentUser(c)),
    });
    const body = toFrenchCsv(
      HEADERS,
      rows.map((row) => [
        row.id,
        row.projectTitle ?? '',
        row.fundName ?? '',
        row.amountCents === null ? '' : centsAsFrenchDecimal(row.amountCents),
        centsAsFrenchDecimal(row.refundedCents),
        DONATION_STATUS_LABELS[row.status] ?? row.status,
        row.donorName ?? 'Anonyme',
        row.companyName ?? '',
        row.siren ?? '',
        row.donorEmail ?? '',
        row.postalAddress ?? '',
        row.wantsTaxReceipt ? 'oui' : 'non',
        row.failureChoice === 'redirect' ? 'réorienter' : 'rembourser',
        row.paidAt ? formatShortDate(row.paidAt) : '',
      ]),
    );
    return c.body(body, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="dons.csv"',
    });
  })
  .openapi(anomalies, async (c) => {
    const query = c.req.valid('query');
    return c.json(await listAnomalies(c.get('deps').db, { all: query.all, ...pageOf(query) }), 200);
  })
  .openapi(resolve, async (c) => {
    if (!(await resolveAnomaly(c.get('deps').db, c.req.valid('param').id, currentUser(c).id))) {
      throw new ApiError(404, 'not_found', 'Anomalie introuvable ou déjà traitée.');
    }
    return c.body(null, 204);
  });
