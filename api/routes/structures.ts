import { OpenAPIHono } from '@hono/zod-openapi';
import { BankDetailsReviewed, Structure, StructureDetails } from '../../contracts/structures.ts';
import { ROLE_GROUPS } from '../../domain/role-groups.ts';
import { recordAudit } from '../../db/queries/audit.ts';
import {
  findStructure,
  listStructures,
  updateStructureDetails,
  validateBankDetails,
} from '../../db/queries/structures.ts';
import type { User } from '../../db/queries/users.ts';
import { checkBankDetails, maskIban } from '../../domain/bank-details.ts';
import { currentUser, defineRoute } from '../auth/access.ts';
import { structuresHandledBy } from '../auth/scopes.ts';
import { signalPayoutsReady } from '../services/lifecycle-recovery.ts';
import type { AppEnv } from '../context.ts';
import { ApiError, validationHook } from '../errors.ts';
import { invalidInput, refusalResponses, jsonResponse, pageOf, pageSchema } from './common.schemas.ts';
import { IdParam } from './resources.schemas.ts';
import { StructureListQuery } from './structures.schemas.ts';

const READERS = ROLE_GROUPS.structureHandlers;
const notFound = { 404: refusalResponses[404] };

const list = defineRoute(READERS, {
  method: 'get',
  path: '/structures',
  summary: 'Structures réceptrices : toutes (admin), la sienne (gestionnaire)',
  request: { query: StructureListQuery },
  responses: { 200: jsonResponse(pageSchema(Structure), 'Structures'), ...invalidInput },
});

const one = defineRoute(READERS, {
  method: 'get',
  path: '/structures/{id}',
  summary: 'Une structure réceptrice, avec ses coordonnées bancaires',
  request: { params: IdParam },
  responses: { 200: jsonResponse(Structure, 'Structure'), ...invalidInput, ...notFound },
});

const update = defineRoute(READERS, {
  method: 'put',
  path: '/structures/{id}/bank-details',
  summary: 'Le gestionnaire saisit les coordonnées légales et bancaires (IBAN et BIC vérifiés)',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: StructureDetails } }, required: true },
  },
  responses: { 200: jsonResponse(Structure, 'Structure'), ...invalidInput, ...notFound },
});

const validate = defineRoute(ROLE_GROUPS.administrators, {
  method: 'post',
  path: '/structures/{id}/validate-bank-details',
  summary:
    'Un administrateur valide les coordonnées bancaires (après contrôle du RIB) : la raison sociale, l’IBAN et le BIC relus',
  request: {
    params: IdParam,
    body: { content: { 'application/json': { schema: BankDetailsReviewed } }, required: true },
  },
  responses: { 200: jsonResponse(Structure, 'Structure'), ...invalidInput, ...notFound, 409: refusalResponses[409] },
});

function assertMayHandle(user: User, id: number): void {
  const own = structuresHandledBy(user);
  if (own && !own.includes(id)) throw new ApiError(404, 'not_found', 'Structure introuvable.');
}

async function structureOrFail(c: { get(key: 'deps'): AppEnv['Variables']['deps'] }, id: number) {
  const structure = await findStructure(c.get('deps').db, id);
  if (!structure) throw new ApiError(404, 'not_found', 'Structure introuvable.');
  return structure;
}

/** Receiving structures: their gestionnaire enters the legal and bank details, an admin validates them. */
export const structureRoutes = new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
  .openapi(list, async (c) => {
    const query = c.req.valid('query');
    const ids = structuresHandledBy(currentUser(c));
    const { q, bankDetails } = query;
    return c.json(await listStructures(c.get('deps').db, { ids, q, bankDetails, ...pageOf(query) }), 200);
  })
  .openapi(one, async (c) => {
    const { id } = c.req.valid('param');
    assertMayHandle(currentUser(c), id);
    return c.json(await structureOrFail(c, id), 200);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const user = currentUser(c);
    assertMayHandle(user, id);
    const details = c.req.valid('json');
    const bank = checkBankDetails(details);
    if ('error' in bank) throw new ApiError(400, 'invalid_bank_details', bank.error, { field: bank.field });
    const { db } = c.get('deps');
    await db.begin(async (tx) => {
      if (!(await updateStructureDetails(tx, id, { ...details, ...bank }))) {
        throw new ApiError(404, 'not_found', 'Structure introuvable.');
      }
      await recordAudit(tx, {
        actorId: user.id,
        action: 'structure_details_updated',
        entityType: 'receiving_structure',
        entityId: String(id),
        details: { iban: maskIban(bank.iban), bic: bank.bic },
      });
    });
    return c.json(await structureOrFail(c, id), 200);
  })
  .openapi(validate, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.get('deps');
    const reviewed = c.req.valid('json');
    const bank = checkBankDetails(reviewed);
    if ('error' in bank) throw new ApiError(400, 'invalid_bank_details', bank.error, { field: bank.field });
    const structure = await structureOrFail(c, id);
    if (!structure.iban || !structure.bic) {
      throw new ApiError(409, 'no_bank_details', 'Cette structure n’a pas encore saisi ses coordonnées bancaires.');
    }
    if ((await validateBankDetails(db, id, { ...reviewed, ...bank })) === 'changed') {
      throw new ApiError(
        409,
        'bank_details_changed',
        'Les coordonnées de cette structure ont changé depuis que vous les avez affichées : relisez la raison sociale, l’IBAN et le BIC avant de les valider.',
      );
    }
    await recordAudit(db, {
      actorId: currentUser(c).id,
      action: 'bank_details_validated',
      entityType: 'receiving_structure',
      entityId: String(id),
      details: { legalName: reviewed.legalName, iban: maskIban(bank.iban), bic: bank.bic },
    });
    await signalPayoutsReady(c.get('deps').temporal, db, id);
    return c.json(await structureOrFail(c, id), 200);
  });
