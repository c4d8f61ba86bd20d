import { beforeAll, describe, expect, it } from 'vitest';
import { SUCCESSFUL_CAMPAIGN } from '../../domain/project-status.ts';
import { createTestDatabase } from '../../test/db.ts';
import type { Db } from '../client.ts';
import { CATALOGUE_COUNT_CAP, listCatalogue, type CatalogueQuery } from './public-catalogue.ts';

let db: Db;

/** The catalogue as it was computed before the school fields were copied onto projects: joins, every match sorted. */
async function reference(query: CatalogueQuery): Promise<number[]> {
  const statuses =
    query.statut === 'en_cours'
      ? ['published']
      : query.statut === 'termine'
        ? SUCCESSFUL_CAMPAIGN
        : ['published', ...SUCCESSFUL_CAMPAIGN];
  const search = db`websearch_to_tsquery('french', public_unaccent(${query.q ?? ''}))`;
  const collectingFirst = db`(p.status <> 'published')`;
  const order =
    query.tri === 'financement'
      ? db`order by ${collectingFirst}, coalesce(t.collected_cents, 0)::float8 / p.minimum_goal_cents desc, p.id`
      : query.tri === 'recent'
        ? db`order by ${collectingFirst}, p.campaign_starts_at desc nulls last, p.id desc`
        : query.tri === 'pertinence' && query.q
          ? db`order by ts_rank(p.search_vector, ${search}) desc, p.public_order, p.id`
          : db`order by p.public_order, p.id`;
  const rows = await db<{ id: number }[]>`
    select p.id from projects p join schools s on s.uai = p.school_uai
    left join project_public_totals t on t.project_id = p.id
    where p.public_order is not null and p.status = any(${statuses})
      ${query.q ? db`and p.search_vector @@ ${search}` : db``}
      ${query.theme ? db`and p.theme = ${query.theme}` : db``}
      ${query.academie ? db`and s.academy_code = ${query.academie}` : db``}
      ${query.departement ? db`and s.departement = ${query.departement}` : db``}
      ${query.niveau ? db`and p.levels @> ${[query.niveau]}::text[]` : db``}
      ${query.priorite === 'rural' ? db`and s.rural` : query.priorite ? db`and s.priority_education = ${query.priorite}` : db``}
      ${query.priorityOnly ? db`and (s.priority_education <> 'none' or s.rural)` : db``}
    ${order}`;
  return rows.map(({ id }) => id);
}

const SHAPES: CatalogueQuery[] = [
  { page: 1 },
  { page: 30 },
  { page: 2, statut: 'termine' },
  { page: 1, statut: 'en_cours', tri: 'financement' },
  { page: 3, tri: 'financement' },
  { page: 2, tri: 'recent' },
  { page: 1, statut: 'termine', tri: 'recent' },
  { page: 1, q: 'jaures' },
  { page: 2, q: 'jaures', tri: 'pertinence' },
  { page: 1, q: 'chorale', statut: 'en_cours', tri: 'financement' },
  { page: 1, theme: 'sport', tri: 'recent' },
  { page: 1, academie: 'reims', niveau: 'CM2' },
  { page: 1, departement: '59', priorite: 'rep_plus' },
  { page: 1, priorite: 'rural', tri: 'fin' },
  { page: 1, priorite: 'rep', statut: 'termine', tri: 'financement' },
  { page: 1, pageSize: 3, statut: 'en_cours', tri: 'fin', priorityOnly: true },
];

async function expectSameAsReference(query: CatalogueQuery) {
  const size = query.pageSize ?? 24;
  const expected = await reference(query);
  const { cards, total } = await listCatalogue(db, query);
  expect({ query, ids: cards.map(({ id }) => id), total }).toEqual({
    query,
    ids: expected.slice((query.page - 1) * size, query.page * size),
    total: Math.min(expected.length, CATALOGUE_COUNT_CAP + 1),
  });
}

beforeAll(async () => {
  ({ db } = await createTestDatabase());
  await db`insert into academies (code, name) values ('lille', 'Lille'), ('reims', 'Reims')`;
  await db`insert into users (email, display_name) values ('porteur@ac-lille.fr', 'Porteur')`;
  await db`
    insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector, priority_education, rural)
    select lpad(i::text, 7, '0') || 'A', case when i % 3 = 0 then 'École Jean Jaurès' else 'École Victor Hugo' end,
           'ecole_elementaire', 'premier', case when i % 2 = 0 then 'lille' else 'reims' end,
           case when i % 2 = 0 then '59' else '51' end, 'Commune ' || i, 'public',
           (array['none', 'rep', 'rep_plus'])[1 + i % 3], i % 4 = 0
    from generate_series(1, 40) as i`;
  await db`
    insert into projects (school_uai, porteur_id, title, summary, theme, levels, pupil_count, activity_starts_on,
                          activity_ends_on, minimum_goal_cents, optimum_goal_cents, campaign_days, status,
                          campaign_starts_at, campaign_ends_at, status_changed_at)
    select lpad((1 + i % 40)::text, 7, '0') || 'A', 1, (array['Chorale', 'Classe de mer', 'Robotique'])[1 + i % 3] || ' ' || i,
           'Un projet', (array['sport', 'arts_culture', 'classe_decouverte'])[1 + i % 3],
           array[(array['CM1', 'CM2', '6e'])[1 + i % 3]], 20, current_date + 100, current_date + 101,
           50000 + (i * 7919) % 50000, 150000, 30,
           (array['published', 'published', 'paid_out', 'completed', 'draft', 'payout_pending'])[1 + i % 6],
           case when i % 11 = 0 then null else now() - make_interval(hours => i % 500) end,
           now() + make_interval(hours => 1 + (i * 37) % 900), now() - make_interval(mins => (i * 13) % 2000)
    from generate_series(1, 3200) as i`;
  await db`insert into project_public_totals (project_id, ledger_cents)
           select id, (id * 104729) % 120000 from projects where id % 5 <> 0`;
});

describe('the public catalogue on the projects’ own copies of their school’s fields', () => {
  it('lists, sorts, pages and counts every shape as the joined query did', async () => {
    for (const query of SHAPES) await expectSameAsReference(query);
  });

  it('follows a school that changes académie and priority, and a project that changes school', async () => {
    await db`update schools set academy_code = 'reims', departement = '51', priority_education = 'rep_plus', rural = true
             where uai = '0000002A'`;
    await db`update projects set school_uai = '0000003A' where id = 7`;
    await db`update project_public_totals set ledger_cents = ledger_cents + 50000 where project_id = 8`;
    await db`update projects set minimum_goal_cents = 60000 where id = 13`;
    const [moved] = await db`select school_academy_code, school_priority_education from projects where id = 41`;
    expect(moved).toEqual({ schoolAcademyCode: 'reims', schoolPriorityEducation: 'rep_plus' });
    for (const query of SHAPES) await expectSameAsReference(query);
  });

  it('says « plus de » beyond the cap rather than counting every match', async () => {
    expect((await listCatalogue(db, { page: 1 })).total).toBe(CATALOGUE_COUNT_CAP + 1);
    expect((await listCatalogue(db, { page: 1, departement: '59', priorite: 'rep' })).total).toBeLessThan(
      CATALOGUE_COUNT_CAP,
    );
  });
});
