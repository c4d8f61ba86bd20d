import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/client.ts';
import type { Role } from '../domain/roles.ts';
import { uaiCheckLetter } from '../domain/schools.ts';
import { hashPassword } from '../api/auth/passwords.ts';

/** Password of every fixture user. */
export const FIXTURE_PASSWORD = 'correct horse battery staple';
const passwordHash = await hashPassword(FIXTURE_PASSWORD);

const unique = () => randomBytes(4).toString('hex');

/** Inserts the académie of Lille (pilot) with its academic domain, once. */
export async function insertAcademy(db: Tx): Promise<string> {
  await db`insert into academies (code, name, pilot_enabled) values ('lille', 'Lille', true) on conflict do nothing`;
  await db`insert into academic_domains (domain, academy_code) values ('ac-lille.fr', 'lille') on conflict do nothing`;
  return 'lille';
}

/** Inserts a REP+ école élémentaire in Lille and returns its UAI. */
export async function insertSchool(db: Tx, overrides: { name?: string } = {}): Promise<string> {
  await insertAcademy(db);
  const digits = `059${String(Math.floor(Math.random() * 10_000)).padStart(4, '0')}`;
  const uai = `${digits}${uaiCheckLetter(digits)}`;
  await db`
    insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education, ips)
    values (${uai}, ${overrides.name ?? `École Jean Jaurès ${unique()}`}, 'ecole_elementaire', 'premier', 'lille',
            '59', 'Roubaix', 'public', 'rep_plus', 78.4)
    on conflict do nothing`;
  return uai;
}

/** Inserts a user holding one role (scoped as given) and returns its id and e-mail. */
export async function insertUser(
  db: Tx,
  role: Role,
  scope: { schoolUai?: string; academyCode?: string; structureId?: number; fundId?: number } = {},
): Promise<{ id: number; email: string }> {
  const domain = role === 'porteur' ? 'ac-lille.fr' : 'example.org';
  const email = `${role}-${unique()}@${domain}`;
  const [user] = await db<{ id: number }[]>`
    insert into users (email, password_hash, display_name)
    values (${email}, ${passwordHash}, ${`Test ${role}`}) returning id`;
  const id = (user as { id: number }).id;
  await db`
    insert into user_roles (user_id, role, school_uai, academy_code, structure_id, fund_id)
    values (${id}, ${role}, ${scope.schoolUai ?? null}, ${scope.academyCode ?? null},
            ${scope.structureId ?? null}, ${scope.fundId ?? null})`;
  return { id, email };
}

/**
 * Inserts a project of the porteur at the school and returns its id: a draft, or with `campaignEndsInDays`
 * a collecting project published now whose campaign ends in that many days.
 */
export async function insertProject(
  db: Tx,
  project: {
    schoolUai: string;
    porteurId: number;
    minimumGoalCents?: number;
    optimumGoalCents?: number;
    campaignDays?: number;
    activityEndsInDays?: number;
    campaignEndsInDays?: number;
  },
): Promise<number> {
  const endsIn = project.activityEndsInDays ?? 123;
  const collectingFor = project.campaignEndsInDays;
  const [row] = await db<{ id: number }[]>`
    insert into projects (school_uai, porteur_id, title, summary, theme, levels, pupil_count, campaign_days,
                          activity_starts_on, activity_ends_on, minimum_goal_cents, optimum_goal_cents, status,
                          campaign_starts_at, campaign_ends_at)
    values (${project.schoolUai}, ${project.porteurId}, 'Classe de mer à Wimereux', 'Trois jours au bord de la mer',
            'classe_decouverte', ${['CM1', 'CM2']}, 24, ${project.campaignDays ?? 30},
            current_date + ${endsIn - 3}::int, current_date + ${endsIn}::int,
            ${project.minimumGoalCents ?? 180000}, ${project.optimumGoalCents ?? 240000},
            ${collectingFor === undefined ? 'draft' : 'published'}, ${collectingFor === undefined ? null : db`now()`},
            ${collectingFor === undefined ? null : db`now() + make_interval(days => ${collectingFor})`})
    returning id`;
  return (row as { id: number }).id;
}
