import { z } from 'zod';
import { degreeOf, isUai, type PriorityEducation, type SchoolKind, type Sector } from '../../domain/schools.ts';

/** The columns of the « Annuaire de l'éducation » export the import reads (the others are ignored). */
export const ANNUAIRE_COLUMNS = [
  'Identifiant_de_l_etablissement',
  'Nom_etablissement',
  'Type_etablissement',
  'Statut_public_prive',
  'Nom_commune',
  'Code_departement',
  'Libelle_academie',
  'Ecole_maternelle',
  'Ecole_elementaire',
  'Voie_generale',
  'Voie_technologique',
  'Voie_professionnelle',
  'Mail',
  'Appartenance_Education_Prioritaire',
] as const;

/** A school as the directory describes it, ready to upsert. */
export interface DirectorySchool {
  uai: string;
  name: string;
  kind: SchoolKind;
  degree: 'premier' | 'second';
  academyCode: string;
  academyName: string;
  departement: string;
  commune: string;
  sector: Sector;
  priorityEducation: PriorityEducation;
  email: string | null;
}

/** What one line of the directory gives: a school, a row outside the platform's scope, or a refusal. */
export type DirectoryLine = { school: DirectorySchool } | { outOfScope: string } | { refused: string };

const flag = z.enum(['0', '1', ''], 'vaut 0 ou 1');
const text = (label: string, max: number) =>
  z.string().min(2, `${label} manquant`).max(max, `${label} trop long (${max} caractères au plus)`);

const Row = z.object({
  Identifiant_de_l_etablissement: z
    .string()
    .refine(isUai, 'UAI invalide (7 chiffres et la lettre de contrôle, ex. 0590001F)'),
  Nom_etablissement: text('nom', 200),
  Type_etablissement: z.string(),
  Statut_public_prive: z.enum(['Public', 'Privé'], 'statut inconnu (Public ou Privé)'),
  Type_contrat_prive: z.string().optional(),
  Nom_commune: text('commune', 100),
  Code_departement: z
    .string()
    .transform((code) => (/^0[0-9]{2}$|^0[0-9][AB]$/.test(code) ? code.slice(1) : code))
    .pipe(z.string().regex(/^([0-9]{2,3}|2A|2B)$/, 'code de département invalide (ex. 059, 02A, 974)')),
  Libelle_academie: text('académie', 60),
  Ecole_maternelle: flag,
  Ecole_elementaire: flag,
  Voie_generale: flag,
  Voie_technologique: flag,
  Voie_professionnelle: flag,
  Mail: z.union([
    z.literal(''),
    z
      .string()
      .max(200, 'adresse électronique invalide')
      .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'adresse électronique invalide'),
  ]),
  Appartenance_Education_Prioritaire: z.enum(
    ['', 'HORS EP', 'REP', 'REP+'],
    'éducation prioritaire inconnue (REP, REP+ ou vide)',
  ),
});
type Row = z.infer<typeof Row>;

const PRIORITY: Record<Row['Appartenance_Education_Prioritaire'], PriorityEducation> = {
  '': 'none',
  'HORS EP': 'none',
  REP: 'rep',
  'REP+': 'rep_plus',
};

/** The académie's code as the platform writes it: « Orléans-Tours » → orleans-tours. */
export function academyCodeOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-')
    .replace(/^-|-$/g, '');
}

function kindOf(row: Row): SchoolKind | { outOfScope: string } | { refused: string } {
  switch (row.Type_etablissement) {
    case 'Ecole':
      if (row.Ecole_elementaire === '1') return 'ecole_elementaire';
      if (row.Ecole_maternelle === '1') return 'ecole_maternelle';
      return { refused: 'école ni maternelle ni élémentaire (Ecole_maternelle et Ecole_elementaire à 0)' };
    case 'Collège':
      return 'college';
    case 'Lycée':
      return row.Voie_professionnelle === '1' && row.Voie_generale !== '1' && row.Voie_technologique !== '1'
        ? 'lycee_professionnel'
        : 'lycee';
    default:
      return {
        outOfScope: `type d’établissement hors du champ de la plateforme : ${row.Type_etablissement || '(vide)'}`,
      };
  }
}

/** A refused line's reason: its first problem, after the column it is in. */
export function refusalOf(error: z.ZodError): { refused: string } {
  const issue = error.issues[0]!;
  return { refused: `${issue.path.join('.')} : ${issue.message}` };
}

/** Validates one line of the directory and maps it to a school, or says why it is left out or refused. */
export function parseDirectoryLine(fields: Record<string, string>): DirectoryLine {
  const parsed = Row.safeParse(fields);
  if (!parsed.success) return refusalOf(parsed.error);
  const row = parsed.data;
  if (row.Statut_public_prive === 'Privé' && /HORS CONTRAT/i.test(row.Type_contrat_prive ?? ''))
    return { outOfScope: 'établissement privé hors contrat' };
  const kind = kindOf(row);
  if (typeof kind !== 'string') return kind;
  const academyCode = academyCodeOf(row.Libelle_academie);
  if (academyCode.length < 2) return { refused: `Libelle_academie : académie illisible « ${row.Libelle_academie} »` };
  return {
    school: {
      uai: row.Identifiant_de_l_etablissement,
      name: row.Nom_etablissement,
      kind,
      degree: degreeOf(kind),
      academyCode,
      academyName: row.Libelle_academie,
      departement: row.Code_departement,
      commune: row.Nom_commune,
      sector: row.Statut_public_prive === 'Public' ? 'public' : 'prive_sous_contrat',
      priorityEducation: PRIORITY[row.Appartenance_Education_Prioritaire],
      email: row.Mail === '' ? null : row.Mail.toLowerCase(),
    },
  };
}
