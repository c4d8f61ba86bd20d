import type { Tx } from '../client.ts';

/** The academic e-mail domains allowed for porteurs. */
export async function listAcademicDomains(db: Tx): Promise<string[]> {
  const rows = await db<{ domain: string }[]>`select domain from academic_domains order by domain`;
  return rows.map((row) => row.domain);
}

/** SQL condition: the académie `academyColumn` is the one of the e-mail's academic domain (sub-domains included). */
export function academyOfEmail(db: Tx, academyColumn: string, email: string) {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  return db`${db(academyColumn)} in (select d.academy_code from academic_domains d
                                      where ${domain} = d.domain or ${domain} like '%.' || d.domain)`;
}
