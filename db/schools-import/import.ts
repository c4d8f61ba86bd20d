import type { Tx } from '../client.ts';
import { ANNUAIRE_COLUMNS, parseDirectoryLine, type DirectorySchool } from './annuaire.ts';
import { readCsvRecords } from './csv.ts';
import { IPS_COLUMNS, parseIpsLine, type SchoolIps } from './ips.ts';

/** A line left out of an import, with the reason in French. */
export interface RefusedLine {
  line: number;
  reason: string;
}

/** What an import of the directory did. */
export interface DirectoryReport {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  outOfScope: number;
  refused: RefusedLine[];
}

/** What an import of an IPS table did; a school absent from the directory is counted, not refused. */
export interface IpsReport {
  read: number;
  updated: number;
  unchanged: number;
  unknownSchool: number;
  refused: RefusedLine[];
}

const BATCH = 500;

/** Batches of the values a file's lines give, the other lines refused with the reason and counted. */
async function* batches<T>(
  path: string,
  columns: readonly string[],
  parse: (fields: Record<string, string>, line: number) => { value: T } | { refused: string } | { skipped: true },
  report: { read: number; refused: RefusedLine[] },
): AsyncGenerator<T[]> {
  let batch: T[] = [];
  for await (const record of readCsvRecords(path, columns)) {
    report.read += 1;
    const parsed = 'error' in record ? { refused: record.error } : parse(record.fields, record.line);
    if ('refused' in parsed) report.refused.push({ line: record.line, reason: parsed.refused });
    if (!('value' in parsed)) continue;
    batch.push(parsed.value);
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Upserts one batch of schools by UAI (their académies first); a school already as the file says is left alone. */
async function upsertSchools(db: Tx, schools: DirectorySchool[]): Promise<{ inserted: number; updated: number }> {
  const academies = [...new Map(schools.map((school) => [school.academyCode, school.academyName]))];
  await db`insert into academies (code, name)
    select * from unnest(${academies.map(([code]) => code)}::text[], ${academies.map(([, name]) => name)}::text[])
    on conflict (code) do nothing`;
  const rows = schools.map(({ academyName: _, ...school }) => school);
  const changed = await db<{ inserted: boolean }[]>`
    insert into schools ${db(rows)}
    on conflict (uai) do update set name = excluded.name, kind = excluded.kind, degree = excluded.degree,
      academy_code = excluded.academy_code, departement = excluded.departement, commune = excluded.commune,
      sector = excluded.sector, priority_education = excluded.priority_education, email = excluded.email
    where (schools.name, schools.kind, schools.academy_code, schools.departement, schools.commune, schools.sector,
           schools.priority_education, schools.email)
      is distinct from (excluded.name, excluded.kind, excluded.academy_code, excluded.departement, excluded.commune,
                        excluded.sector, excluded.priority_education, excluded.email)
    returning (xmax = 0) as inserted`;
  const inserted = changed.filter((row) => row.inserted).length;
  return { inserted, updated: changed.length - inserted };
}

/**
 * Imports the « Annuaire de l'éducation » export line by line: each line validated, the schools upserted by UAI
 * in batches, a UAI seen twice refused; running it again on the same file changes nothing.
 */
export async function importDirectory(db: Tx, path: string): Promise<DirectoryReport> {
  const report: DirectoryReport = { read: 0, inserted: 0, updated: 0, unchanged: 0, outOfScope: 0, refused: [] };
  const seen = new Map<string, number>();
  const parse = (fields: Record<string, string>, line: number) => {
    const parsed = parseDirectoryLine(fields);
    if ('outOfScope' in parsed) report.outOfScope += 1;
    if (!('school' in parsed)) return 'refused' in parsed ? parsed : { skipped: true as const };
    const first = seen.get(parsed.school.uai);
    if (first) return { refused: `UAI ${parsed.school.uai} en double (déjà ligne ${first})` };
    seen.set(parsed.school.uai, line);
    return { value: parsed.school };
  };
  for await (const batch of batches<DirectorySchool>(path, ANNUAIRE_COLUMNS, parse, report)) {
    const { inserted, updated } = await upsertSchools(db, batch);
    report.inserted += inserted;
    report.updated += updated;
    report.unchanged += batch.length - inserted - updated;
  }
  return report;
}

/** Sets the IPS of one batch of schools, a later school year winning over an earlier one, whatever the order. */
async function updateIps(db: Tx, rows: SchoolIps[]): Promise<{ updated: number; unknownSchool: number }> {
  const latest = new Map<string, SchoolIps>();
  for (const row of rows) {
    const known = latest.get(row.uai);
    if (!known || known.schoolYear <= row.schoolYear) latest.set(row.uai, row);
  }
  const values = [...latest.values()];
  const [result] = await db<{ updated: number; unknownSchool: number }[]>`
    with v as (
      select * from unnest(${values.map((row) => row.uai)}::text[], ${values.map((row) => row.schoolYear)}::text[],
                           ${values.map((row) => String(row.ips))}::numeric[]) as v(uai, school_year, ips)),
    changed as (
      update schools s set ips = v.ips, ips_school_year = v.school_year from v
      where s.uai = v.uai and (s.ips_school_year is null or s.ips_school_year <= v.school_year)
        and (s.ips, s.ips_school_year) is distinct from (v.ips, v.school_year)
      returning 1)
    select (select count(*) from changed)::int as updated,
           (select count(*) from v where not exists (select 1 from schools s where s.uai = v.uai))::int as unknown_school`;
  return result!;
}

/**
 * Imports an IPS table line by line onto the schools already imported (by UAI): each line validated, a school's
 * latest school year kept; running it again on the same file changes nothing.
 */
export async function importIps(db: Tx, path: string): Promise<IpsReport> {
  const report: IpsReport = { read: 0, updated: 0, unchanged: 0, unknownSchool: 0, refused: [] };
  const parse = (fields: Record<string, string>) => {
    const parsed = parseIpsLine(fields);
    return 'ips' in parsed ? { value: parsed.ips } : parsed;
  };
  for await (const batch of batches<SchoolIps>(path, IPS_COLUMNS, parse, report)) {
    const { updated, unknownSchool } = await updateIps(db, batch);
    report.updated += updated;
    report.unknownSchool += unknownSchool;
  }
  report.unchanged = report.read - report.refused.length - report.updated - report.unknownSchool;
  return report;
}
