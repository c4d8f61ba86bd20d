import type { Db } from '../db/client.ts';
import { insertProject, insertSchool, insertUser } from './fixtures.ts';

/**
 * A paid-out project whose activity has ended, with two budget lines (car 600 €, hébergement 400 €), its
 * porteur and a validateur; `theme` and `levels` as given.
 */
export async function paidOutProjectWithBudget(db: Db, options: { title?: string; theme?: string } = {}) {
  const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
  const porteur = await insertUser(db, 'porteur');
  const validateur = await insertUser(db, 'validateur');
  const id = await insertProject(db, { schoolUai, porteurId: porteur.id, activityEndsInDays: -2 });
  await db`update projects set status = 'paid_out', title = ${options.title ?? 'Classe de mer à Wimereux'},
                              theme = ${options.theme ?? 'classe_decouverte'} where id = ${id}`;
  const lines = await db<{ id: number }[]>`
    insert into project_budget_lines (project_id, position, label, amount_cents)
    values (${id}, 1, 'Transport en car', 60000), (${id}, 2, 'Hébergement', 40000) returning id`;
  return { id, porteur, validateur, budgetLineIds: lines.map((line) => line.id) };
}
