import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';

const { db, browser } = await createTestApp();

// a REP+ school in Roubaix (59) and a rural one in the Aisne (02), one collecting project each, and a draft
const repPlus = await insertSchool(db, { name: 'École Pasteur' });
const rural = await insertSchool(db, { name: 'École des Champs' });
await db`update schools set priority_education = 'none', rural = true, departement = '02' where uai = ${rural}`;
const porteur = await insertUser(db, 'porteur');
const endingSoon = await insertProject(db, { schoolUai: repPlus, porteurId: porteur.id, campaignEndsInDays: 3 });
const endingLater = await insertProject(db, { schoolUai: rural, porteurId: porteur.id, campaignEndsInDays: 40 });
const draft = await insertProject(db, { schoolUai: rural, porteurId: porteur.id });
await db`update projects set theme = 'sport', title = 'Tournoi de rugby' where id = ${endingLater}`;
const validateur = await signIn({ db, browser }, 'validateur');

const idsOf = async (query: string) => {
  const response = await validateur.client.request('GET', `/api/projects?sort=id${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { data: { id: number }[] }).data.map((project) => project.id);
};

describe('the project list’s filters', () => {
  it('narrow by status, département, theme and priority', async () => {
    expect(await idsOf('&status=draft')).toEqual([draft]);
    expect(await idsOf('&departement=02')).toEqual([endingLater, draft]);
    expect(await idsOf('&theme=sport')).toEqual([endingLater]);
    expect(await idsOf('&priority=rep_plus')).toEqual([endingSoon]);
    expect(await idsOf('&priority=rural')).toEqual([endingLater, draft]);
  });

  it('find collecting projects whose deadline is near, and search titles and school names', async () => {
    expect(await idsOf('&deadlineWithinDays=7')).toEqual([endingSoon]);
    expect(await idsOf('&q=rugby')).toEqual([endingLater]);
    expect(await idsOf('&q=pasteur')).toEqual([endingSoon]);
  });

  it('search without accents, in the title or the school’s name', async () => {
    expect(await idsOf('&q=%C3%A9cole%20PASTEUR')).toEqual([endingSoon]);
    expect(await idsOf('&q=ecole%20des%20ch')).toEqual([endingLater, draft]);
  });

  it('find a project by its school’s new name after a rename, and by its new school after a move', async () => {
    await db`update schools set name = 'École Jean Jaurès' where uai = ${repPlus}`;
    expect(await idsOf('&q=jaures')).toEqual([endingSoon]);
    expect(await idsOf('&q=pasteur')).toEqual([]);
    await db`update projects set school_uai = ${rural} where id = ${endingSoon}`;
    expect(await idsOf('&q=jaures')).toEqual([]);
    expect(await idsOf('&q=champs')).toEqual([endingSoon, endingLater, draft]);
    await db`update projects set school_uai = ${repPlus} where id = ${endingSoon}`;
    await db`update schools set name = 'École Pasteur' where uai = ${repPlus}`;
  });

  it('count a big list up to 1 000 and refuse a page beyond, in French', async () => {
    await db`
      insert into projects (school_uai, porteur_id, title, theme, pupil_count, activity_starts_on, activity_ends_on,
                            minimum_goal_cents, optimum_goal_cents)
      select ${rural}, ${porteur.id}, 'Projet en nombre ' || i, 'sport', 20, current_date + 90, current_date + 95,
             100000, 150000
      from generate_series(1, 1_005) as i`;
    const response = await validateur.client.request('GET', '/api/projects?theme=sport&perPage=25&page=2');
    expect(((await response.json()) as { total: number }).total).toBe(1_000);
    const beyond = await validateur.client.request('GET', '/api/projects?theme=sport&perPage=25&page=41');
    expect(beyond.status).toBe(400);
    expect(((await beyond.json()) as { message: string }).message).toBe(
      'La liste s’arrête aux 1\u202f000 premières lignes : affinez les filtres ou changez le tri.',
    );
    expect((await validateur.client.request('GET', '/api/projects?theme=sport&perPage=25&page=40')).status).toBe(200);
  });

  it('refuse a filter they do not know, saying which', async () => {
    const response = await validateur.client.request('GET', '/api/projects?priority=zep');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toContain('priority');
  });
});
