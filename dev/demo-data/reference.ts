import type { Tx } from '../../db/client.ts';
import { degreeOf } from '../../domain/schools.ts';
import { DEMO_ACADEMIC_DOMAINS, DEMO_ACADEMIES, DEMO_SCHOOLS } from './schools.ts';

/** Inserts the académies and academic domains (keeping any already there) and the demo schools. */
export async function insertReferenceData(tx: Tx): Promise<void> {
  const academies = DEMO_ACADEMIES.map(({ code, name, pilotEnabled }) => ({ code, name, pilotEnabled }));
  await tx`insert into academies ${tx(academies)} on conflict (code) do nothing`;
  await tx`insert into academic_domains ${tx(DEMO_ACADEMIC_DOMAINS)} on conflict (domain) do nothing`;
  const schools = DEMO_SCHOOLS.map((school) => ({
    uai: school.uai,
    name: school.name,
    kind: school.kind,
    degree: degreeOf(school.kind),
    academyCode: school.academy,
    departement: school.departement,
    commune: school.commune,
    sector: school.sector,
    priorityEducation: school.priority,
    rural: school.rural,
    ips: school.ips,
  }));
  await tx`insert into schools ${tx(schools)}`;
}
