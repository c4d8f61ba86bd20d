import postgres from 'postgres';
import { CONSTRAINT_REFUSALS, REFERENCED, type ConstraintRefusal } from './constraint-messages.ts';

/** The table a foreign key column points to, by the column's name (`<table>_<column>_fkey` names the key). */
export const REFERENCED_BY_COLUMN: Record<string, string> = {
  academy_code: 'academies',
  account_id: 'ledger_accounts',
  actor_id: 'users',
  author_id: 'users',
  batch_id: 'payout_batches',
  budget_line_id: 'project_budget_lines',
  confirmed_by: 'users',
  created_by: 'users',
  directeur_id: 'users',
  document_id: 'project_documents',
  donation_id: 'donations',
  fund_id: 'funds',
  gestionnaire_id: 'users',
  grant_id: 'grants',
  ledger_transaction_id: 'ledger_transactions',
  merged_into: 'email_outbox',
  porteur_id: 'users',
  project_id: 'projects',
  report_id: 'project_reports',
  resolved_by: 'users',
  school_uai: 'schools',
  stripe_event_id: 'stripe_events',
  structure_id: 'receiving_structures',
  submitted_by: 'users',
  transaction_id: 'ledger_transactions',
  uploaded_by: 'users',
  user_id: 'users',
  validated_by: 'users',
};

const FIELD_OF_COLUMN: Record<string, string> = {
  academy_code: 'academyCode',
  fund_id: 'fundId',
  school_uai: 'schoolUai',
  structure_id: 'structureId',
};

const STATUS: Record<string, 400 | 409 | 422> = {
  '23502': 400,
  '23503': 422,
  '23505': 409,
  '23514': 400,
  '23P01': 409,
  '42501': 409,
};

/** A refusal as the API answers it: status, code, French message and, for a form's field, an issue at its path. */
export interface ConstraintAnswer {
  status: 400 | 409 | 422;
  body: { code: string; message: string; details?: { code: string; path: string[]; message: string }[] };
}

/** The column of a foreign key named `<table>_<column>_fkey`. */
export function foreignKeyColumn(constraint: string, table: string): string {
  return constraint.slice(table.length + 1, -'_fkey'.length);
}

/** The refusing trigger function of an error raised in PL/pgSQL (its context names it). */
function raisingFunction(where: string | undefined): string | undefined {
  return /PL\/pgSQL function (\w+)\(/.exec(where ?? '')?.[1];
}

function refusal(error: postgres.PostgresError): (ConstraintRefusal & { inUse?: boolean }) | undefined {
  const name = error.constraint_name ?? raisingFunction(error.where);
  if (error.code === '23502') {
    return { message: 'Une information obligatoire manque.', field: error.column_name };
  }
  if (error.code === '23503' && name && error.table_name) {
    const column = foreignKeyColumn(name, error.table_name);
    const target = REFERENCED[REFERENCED_BY_COLUMN[column] ?? ''];
    if (!target) return undefined;
    if (/^update or delete/.test(error.message))
      return { message: `Suppression impossible : ${target.used}`, inUse: true };
    return { message: target.missing, field: FIELD_OF_COLUMN[column] };
  }
  const known = name ? CONSTRAINT_REFUSALS[name] : undefined;
  return typeof known === 'string' ? { message: known } : known;
}

/**
 * A database rule's refusal (a CHECK, UNIQUE, foreign key, exclusion or NOT NULL constraint, or a refusing
 * trigger) as the API's 4xx in French, naming the form's field when there is one; undefined for other errors.
 */
export function constraintAnswer(error: unknown): ConstraintAnswer | undefined {
  if (!(error instanceof postgres.PostgresError)) return undefined;
  const fn = raisingFunction(error.where);
  if (!error.code.startsWith('23') && !(error.code === '42501' && fn)) return undefined;
  const found = refusal(error) ?? { message: 'Cette modification contredit une règle de la plateforme.' };
  const details = found.field ? [{ code: 'custom', path: [found.field], message: found.message }] : undefined;
  const status = 'inUse' in found && found.inUse ? 409 : (STATUS[error.code] ?? 409);
  return {
    status,
    body: { code: `constraint_${error.constraint_name ?? fn ?? 'unknown'}`, message: found.message, details },
  };
}
