import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { emailActivitiesAt, projectWithDonors } from '../../test/emails.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';

const { app, db, mail, browser } = await createTestApp();
const admin = browser();
let projectId: number;

beforeAll(async () => {
  await admin.login((await insertUser(db, 'admin')).email);
  const refusing = {
    sendMail: () => Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550 })),
  };
  const email = emailActivitiesAt(db, { ...mail, transport: refusing });
  ({ projectId } = await projectWithDonors(db, ['Léa Martin', 'Hugo Petit', 'Inès Roux']));
  await email.queueProjectEmail({ projectId, template: 'report_published', audience: 'donors', eventKey: 'r' });
  await email.queueProjectEmail({ projectId, template: 'project_published', audience: 'porteur', eventKey: 'p' });
  const [first] = await db`select id from email_outbox where template = 'project_published'`;
  await email.deliverEmail({ emailId: first!.id as number });
});

describe('the outbox in the back office', () => {
  it('lists e-mails newest first, a page at a time, with the project and the total', async () => {
    const response = await admin.request('GET', '/api/emails?sort=id&order=DESC&perPage=2&page=1');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.total).toBe(4);
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toMatchObject({
      template: 'project_published',
      kind: 'transactional',
      projectId,
      projectTitle: 'Classe de mer à Wimereux',
      subject: 'Votre projet « Classe de mer à Wimereux » est en ligne',
    });
  });

  it('shows the status, attempts and last error of a failed e-mail, and filters by status', async () => {
    const body = await (await admin.request('GET', '/api/emails?status=failed')).json();
    expect(body.data).toEqual([
      expect.objectContaining({
        template: 'project_published',
        status: 'failed',
        attempts: 1,
        lastError: '550 No such user',
      }),
    ]);
    const pending = await (await admin.request('GET', '/api/emails?status=pending&template=report_published')).json();
    expect(pending.total).toBe(3);
    expect(pending.data.every((email: { kind: string }) => email.kind === 'news')).toBe(true);
  });

  it('refuses a filter outside the allowed statuses with a 400', async () => {
    const response = await admin.request('GET', '/api/emails?status=lost');
    expect(response.status).toBe(400);
    expect((await response.json()).message).toContain('status');
  });
});

describe('the public project page', () => {
  it('shows a collecting project with its school and the money collected', async () => {
    const page = await (await app.request(`/projets/${projectId}`)).text();
    expect(page).toContain('<h1>Classe de mer à Wimereux</h1>');
    expect(page).toContain('60,00');
  });

  it('is not found, in French, for a project still under review', async () => {
    const schoolUai = await insertSchool(db);
    const porteur = await insertUser(db, 'porteur', { schoolUai });
    const draft = await insertProject(db, { schoolUai, porteurId: porteur.id });
    const response = await app.request(`/projets/${draft}`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Ce projet n’est pas (ou pas encore) en ligne');
  });
});
