import type { Tx } from '../client.ts';

/** An académie and whether it takes part in the pilot (only pilot académies' projects may be published). */
export interface AcademyRow {
  id: string;
  name: string;
  pilotEnabled: boolean;
  schoolCount: number;
  projectCount: number;
}

/** Every académie by name, with its schools and projects counted. */
export async function listAcademies(db: Tx): Promise<AcademyRow[]> {
  return db<AcademyRow[]>`
    select a.code as id, a.name, a.pilot_enabled,
           (select count(*)::int from schools s where s.academy_code = a.code) as school_count,
           (select count(*)::int from projects p join schools s on s.uai = p.school_uai where s.academy_code = a.code)
             as project_count
    from academies a order by a.name`;
}

/** Adds an académie to the pilot or takes it out; false for an unknown académie. */
export async function setPilot(db: Tx, code: string, enabled: boolean): Promise<boolean> {
  const updated = await db`update academies set pilot_enabled = ${enabled} where code = ${code}`;
  return updated.count === 1;
}
