import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { foreignKeyColumn, REFERENCED_BY_COLUMN } from './constraint-errors.ts';
import { CONSTRAINT_REFUSALS, REFERENCED } from './constraint-messages.ts';
import { handleError } from './errors.ts';

// No rule of the database surfaces as a 500: each constraint of the schema, read from pg_catalog, has its French
// refusal, and real violations through the error handler answer 4xx with it.
const { db } = await createTestDatabase();
const schoolUai = await insertSchool(db);
const porteur = await insertUser(db, 'porteur');
const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });

/** An app whose one route runs the statement; the API's error handler answers. */
async function answerTo(statement: () => Promise<unknown>) {
  const app = new Hono().post('/api/try', async (c) => c.json(await statement()));
  app.onError(handleError);
  const response = await app.request('/api/try', { method: 'POST' });
  return { status: response.status, body: await response.json() };
}

describe('the schema’s constraints', () => {
  it('each CHECK, UNIQUE and exclusion constraint and unique index has its French refusal', async () => {
    const names = await db<{ name: string }[]>`
      select c.conname as name from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype in ('c', 'u', 'x') and c.conrelid <> 0
      union
      select i.indexrelid::regclass::text from pg_index i join pg_class t on t.oid = i.indrelid
        join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and i.indisunique
        and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`;
    expect(names.length).toBeGreaterThan(100);
    expect(names.map(({ name }) => name).filter((name) => !(name in CONSTRAINT_REFUSALS))).toEqual([]);
  });

  it('each trigger function that refuses a change has its French refusal', async () => {
    const functions = await db<{ name: string }[]>`
      select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
      where n.nspname = 'public' and p.prosrc ~* 'raise\\s+exception'`;
    expect(functions.map(({ name }) => name).sort()).toEqual([
      'ledger_check_balanced',
      'ledger_refuse_change',
      'user_roles_check_porteur_domain',
    ]);
    expect(functions.filter(({ name }) => !(name in CONSTRAINT_REFUSALS))).toEqual([]);
  });

  it('each foreign key names the table it points to, which has its French refusals', async () => {
    const keys = await db<{ name: string; table: string; referenced: string }[]>`
      select c.conname as name, c.conrelid::regclass::text as table, c.confrelid::regclass::text as referenced
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = 'public' and c.contype = 'f'`;
    expect(keys.length).toBeGreaterThan(50);
    const wrong = keys.filter(
      (key) =>
        REFERENCED_BY_COLUMN[foreignKeyColumn(key.name, key.table)] !== key.referenced || !REFERENCED[key.referenced],
    );
    expect(wrong).toEqual([]);
  });
});

describe('a database refusal through the API’s error handler', () => {
  it('answers a CHECK violation 400 in French, under the form’s field', async () => {
    const answer = await answerTo(() => db`update projects set campaign_days = 3 where id = ${projectId}`);
    expect(answer).toEqual({
      status: 400,
      body: {
        code: 'constraint_projects_campaign_days_check',
        message: 'La collecte dure de 7 à 90 jours.',
        details: [{ code: 'custom', path: ['campaignDays'], message: 'La collecte dure de 7 à 90 jours.' }],
      },
    });
  });

  it('answers a UNIQUE violation 409', async () => {
    const answer = await answerTo(
      () => db`insert into users (email, display_name) values (${porteur.email}, 'Deuxième compte')`,
    );
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe('Un compte existe déjà pour cette adresse e-mail.');
  });

  it('answers a reference to a missing row 422, and the removal of a row still referred to 409', async () => {
    const missing = await answerTo(
      () => db`insert into user_roles (user_id, role, school_uai) values (${porteur.id}, 'directeur', '0000000A')`,
    );
    expect(missing.status).toBe(422);
    expect(missing.body.message).toBe('Cet établissement n’existe pas.');
    expect(missing.body.details[0].path).toEqual(['schoolUai']);
    const used = await answerTo(() => db`delete from schools where uai = ${schoolUai}`);
    expect(used.status).toBe(409);
    expect(used.body.message).toBe('Suppression impossible : Cet établissement a des projets ou des comptes.');
  });

  it('answers the porteur role for a non-academic address 400, naming the e-mail field', async () => {
    const [user] = await db<{ id: number }[]>`
      insert into users (email, display_name) values ('lucie@gmail.com', 'Lucie') returning id`;
    const answer = await answerTo(() => db`insert into user_roles (user_id, role) values (${user!.id}, 'porteur')`);
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('constraint_user_roles_check_porteur_domain');
    expect(answer.body.details[0].path).toEqual(['email']);
  });

  it('answers a change to the append-only ledger 409', async () => {
    await db`insert into audit_log (action, entity_type) values ('test', 'test')`;
    const changed = await answerTo(() => db`update audit_log set action = 'changed'`);
    expect(changed.status).toBe(409);
    expect(changed.body.message).toMatch(/^La comptabilité et le journal ne se modifient pas/);
  });

  it('answers a missing mandatory value 400', async () => {
    const answer = await answerTo(() => db`insert into users (email) values ('sans.nom@example.org')`);
    expect(answer.status).toBe(400);
    expect(answer.body.message).toBe('Une information obligatoire manque.');
  });
});
