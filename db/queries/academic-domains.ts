import type { Tx } from '../client.ts';

/** The academic e-mail domains allowed for porteurs. */
export async function listAcademicDomains(db: Tx): Promise<string[]> {
  const rows = await db<{ domain: string }[]>`select domain from academic_domains order by domain`;
  return rows.map((row) => row.domain);
}
