import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';

// The accepted final report shows its photos (those with the pupils' image rights); before it is accepted, or
// when it is sent back, neither the page nor the photo's address shows them.
const { app, db } = await createTestApp();
const jpeg = Buffer.from('ffd8ffe000104a464946', 'hex');

async function reportedProject(status: string) {
  const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
  const porteur = await insertUser(db, 'porteur');
  const id = await insertProject(db, { schoolUai, porteurId: porteur.id, minimumGoalCents: 100_000 });
  await db`insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents, submitted_by)
           values (${id}, 1, 'Trois jours de classe de mer.', 1, 98_500, ${porteur.id})`;
  const photos = await db<{ id: number }[]>`
    insert into project_documents (project_id, kind, filename, content_type, content, image_rights, uploaded_by)
    values (${id}, 'report', 'plage.jpg', 'image/jpeg', ${jpeg}, true, ${porteur.id}),
           (${id}, 'report', 'visages.jpg', 'image/jpeg', ${jpeg}, false, ${porteur.id}),
           (${id}, 'report', 'bilan.pdf', 'application/pdf', ${Buffer.from('%PDF-1.4')}, true, ${porteur.id})
    returning id`;
  await db`update projects set status = ${status} where id = ${id}`;
  return { id, photoIds: photos.map((photo) => photo.id) };
}

const page = async (id: number) => (await app.request(`http://localhost/projets/${id}`)).text();
const photo = (id: number, photoId: number) => app.request(`http://localhost/projets/${id}/bilan/photos/${photoId}`);

describe('the photos of a final report', () => {
  it('are on the page of a completed project, lazy-loaded with a French alt text, and served as images', async () => {
    const { id, photoIds } = await reportedProject('completed');
    const [shared, withoutRights, pdf] = photoIds as [number, number, number];
    const html = await page(id);
    expect(html).toContain(
      `<ul class="report-photos"><li><img src="/projets/${id}/bilan/photos/${shared}" alt="Photo 1 du bilan du projet « Classe de mer à Wimereux »" loading="lazy" decoding="async" width="320" height="240"></li></ul>`,
    );
    expect(html).toContain('<li>1 élève a participé</li>');

    const served = await photo(id, shared);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);
    expect((await photo(id, withoutRights)).status).toBe(404);
    expect((await photo(id, pdf)).status).toBe(404);
    const other = await reportedProject('completed');
    expect((await photo(other.id, shared)).status).toBe(404);
  });

  it('are neither shown nor served while the report is submitted or sent back for changes', async () => {
    for (const status of ['report_submitted', 'report_changes_requested']) {
      const { id, photoIds } = await reportedProject(status);
      expect(await page(id)).not.toContain('/bilan/photos/');
      const refused = await photo(id, photoIds[0]!);
      expect(refused.status).toBe(404);
      expect(refused.headers.get('content-type')).toContain('text/html');
    }
  });
});
