import { hashPassword } from '../api/auth/passwords.ts';
import type { Db, Tx } from '../db/client.ts';
import { COLLECTING_PROJECTS } from './demo-data/campaign-data.ts';
import { insertFunds } from './demo-data/funds.ts';
import { ROUBAIX_PROJECTS } from './demo-data/home-projects-data.ts';
import { insertHomeWork } from './demo-data/home-work.ts';
import { PAST_CAMPAIGN_PROJECTS } from './demo-data/past-campaign-data.ts';
import { DEMO_ACCOUNTS, insertPeople, type DemoAccount } from './demo-data/people.ts';
import { EARLY_PROJECTS } from './demo-data/project-data.ts';
import { insertProjects } from './demo-data/projects.ts';
import { insertReferenceData } from './demo-data/reference.ts';
import { DEMO_SCHOOLS } from './demo-data/schools.ts';
import { insertStructures } from './demo-data/structures.ts';

export { DEMO_ACCOUNTS, type DemoAccount };

/** Every demo project, from draft to completed. */
export const DEMO_PROJECTS = [
  ...EARLY_PROJECTS,
  ...COLLECTING_PROJECTS,
  ...PAST_CAMPAIGN_PROJECTS,
  ...ROUBAIX_PROJECTS,
];

// any constant distinct from the migration lock
const SEED_LOCK = 7_241_002;
const MARKER_EMAIL = 'claire.martin@ac-lille.fr';

async function isSeeded(db: Tx): Promise<boolean> {
  const [row] = await db<
    { seeded: boolean }[]
  >`select exists (select 1 from users where email = ${MARKER_EMAIL}) as seeded`;
  return row?.seeded ?? false;
}

/**
 * Seeds the demo data set (schools, structures, people, funds, projects and their money) in one
 * transaction, unless the demo porteur already exists; returns the demo logins either way.
 */
export async function seedDemoData(db: Db): Promise<{ created: boolean; accounts: DemoAccount[] }> {
  const accounts = [...DEMO_ACCOUNTS];
  if (await isSeeded(db)) return { created: false, accounts };
  const passwordHashes = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) passwordHashes.set(account.email, await hashPassword(account.password));
  const created = await db.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SEED_LOCK})`;
    if (await isSeeded(tx)) return false;
    await insertReferenceData(tx);
    const structureIds = await insertStructures(tx, DEMO_SCHOOLS);
    const fundIds = await insertFunds(tx);
    const userIds = await insertPeople(tx, { passwordHashes, structureIds, fundIds });
    const projectIds = await insertProjects(tx, DEMO_PROJECTS, { userIds, structureIds });
    await insertHomeWork(tx, { projectIds, fundIds, adminId: userIds.get('admin@trousse-a-projets.fr')! });
    return true;
  });
  return { created, accounts };
}
