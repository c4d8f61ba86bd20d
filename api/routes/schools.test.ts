import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertSchool } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';

const { db, browser } = await createTestApp();
const lille = await insertSchool(db, { name: 'École Jean Jaurès' });
const reims = await insertSchool(db, { name: 'Collège Jean Jaurès' });
await db`insert into academies (code, name, pilot_enabled) values ('reims', 'Reims', true) on conflict do nothing`;
await db`update schools set academy_code = 'reims', commune = 'Épernay' where uai = ${reims}`;
const porteur = await signIn({ db, browser }, 'porteur');
const admin = await signIn({ db, browser }, 'admin');

const uaisFound = async (client: typeof porteur.client, query: string) => {
  const { status, body } = await client.getJson(`/api/schools?${query}`);
  expect(status).toBe(200);
  return (body as { data: { uai: string }[] }).data.map((school) => school.uai).sort();
};

describe('the school search', () => {
  it('ignores accents and case, in the name and the commune', async () => {
    expect(await uaisFound(admin.client, 'q=jaures')).toEqual([lille, reims].sort());
    expect(await uaisFound(admin.client, 'q=JAURÈS')).toEqual([lille, reims].sort());
    expect(await uaisFound(admin.client, 'q=epernay')).toEqual([reims]);
  });

  it('offers a porteur only the schools of their academic e-mail’s académie', async () => {
    expect(await uaisFound(porteur.client, 'q=jaures&porteurAcademy=true')).toEqual([lille]);
  });

  it('takes a percent sign as itself, not as a wildcard', async () => {
    expect(await uaisFound(admin.client, 'q=%25')).toEqual([]);
  });
});
