/** Field errors of a form, keyed by the field's path (`budgetLines.0.label`), each a French sentence. */
export type FieldErrors = Record<string, string>;

/** One zod issue as the API sends it in `details`. */
interface Issue {
  code?: string;
  path?: (string | number)[];
  message?: string;
  origin?: string;
  format?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
}

/** API refusals that concern one field, though not found by the schema: the field they name. */
const FIELD_OF_CODE: Record<string, string> = {
  not_academic_email: 'email',
  email_taken: 'email',
  unknown_school: 'schoolUai',
  other_academy: 'schoolUai',
  not_pilot: 'schoolUai',
  other_structure: 'structureId',
};

/** zod's own messages are English; those the API's schemas write are French and kept. */
const ZOD_DEFAULT = /^(Invalid|Too (small|big)|Expected|Unrecognized|Required)/;

function sentence(text: string): string {
  const trimmed = text.trim();
  const capitalised = trimmed.charAt(0).toLocaleUpperCase('fr') + trimmed.slice(1);
  return /[.!?…]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

function sizeLimit(issue: Issue, bound: 'minimum' | 'maximum'): string {
  const n = Number(issue[bound]);
  const word = bound === 'minimum' ? 'au moins' : 'au plus';
  if (issue.origin === 'string') return `${word} ${n} caractère${n > 1 ? 's' : ''}`;
  if (issue.origin === 'array' || issue.origin === 'set') return `${word} ${n} élément${n > 1 ? 's' : ''}`;
  return `${word} ${n.toLocaleString('fr-FR')}`;
}

/** A French sentence for one issue: the API's own message when it wrote one, else one made from the issue's code. */
export function frenchIssue(issue: Issue): string {
  if (issue.message && !ZOD_DEFAULT.test(issue.message)) return sentence(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      return 'Ce champ est obligatoire.';
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1
        ? 'Ce champ est obligatoire.'
        : sentence(`Valeur trop petite : ${sizeLimit(issue, 'minimum')}`);
    case 'too_big':
      return sentence(`Valeur trop grande : ${sizeLimit(issue, 'maximum')}`);
    case 'invalid_format':
      return issue.format === 'email' ? 'Adresse e-mail invalide.' : 'Format invalide.';
    case 'invalid_value':
      return 'Choisissez une valeur de la liste.';
    case 'not_multiple_of':
      return 'Nombre entier attendu.';
    default:
      return 'Valeur invalide.';
  }
}

function isIssue(value: unknown): value is Issue {
  return typeof value === 'object' && value !== null && Array.isArray((value as Issue).path);
}

/**
 * The field errors of an API refusal (`{ code, message, details }`): zod issues by their path, or the one field a
 * known refusal concerns; undefined when the refusal names no field.
 */
export function fieldErrorsOf(body: unknown): FieldErrors | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { code, message, details } = body as { code?: unknown; message?: unknown; details?: unknown };
  const errors: FieldErrors = {};
  if (Array.isArray(details)) {
    for (const issue of details.filter(isIssue)) {
      const path = issue.path!.join('.');
      if (path !== '' && !(path in errors)) errors[path] = frenchIssue(issue);
    }
  }
  const field = typeof code === 'string' ? FIELD_OF_CODE[code] : undefined;
  if (field && typeof message === 'string') errors[field] = message;
  return Object.keys(errors).length > 0 ? errors : undefined;
}
