import { z } from 'zod';
import { isUai } from '../../domain/schools.ts';
import { refusalOf } from './annuaire.ts';

/** The columns of an IPS table (« indices de position sociale ») the import reads. */
export const IPS_COLUMNS = ['Rentrée scolaire', 'UAI', 'IPS'] as const;

/** A school's social position index for one school year. */
export interface SchoolIps {
  uai: string;
  schoolYear: string;
  ips: number;
}

const Row = z.object({
  'Rentrée scolaire': z
    .string()
    .regex(/^[0-9]{4}-[0-9]{4}$/, 'rentrée invalide (ex. 2023-2024)')
    .refine((year) => Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, 'rentrée invalide (ex. 2023-2024)'),
  UAI: z.string().refine(isUai, 'UAI invalide (7 chiffres et la lettre de contrôle, ex. 0590001F)'),
  IPS: z
    .string()
    .regex(/^[0-9]{2,3}([.,][0-9]+)?$/, 'IPS invalide (un nombre, ex. 103,4)')
    .transform((value) => Math.round(Number(value.replace(',', '.')) * 10) / 10)
    .pipe(z.number().min(40, 'IPS hors de l’intervalle 40 à 200').max(200, 'IPS hors de l’intervalle 40 à 200')),
});

/** Validates one line of an IPS table: the school's index for a school year, or why it is refused. */
export function parseIpsLine(fields: Record<string, string>): { ips: SchoolIps } | { refused: string } {
  const parsed = Row.safeParse(fields);
  if (!parsed.success) return refusalOf(parsed.error);
  const row = parsed.data;
  return { ips: { uai: row.UAI, schoolYear: row['Rentrée scolaire'], ips: row.IPS } };
}
