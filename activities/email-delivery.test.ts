import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { emailActivitiesAt, linksIn, pathOf, projectWithDonors } from '../test/emails.ts';
import { caughtEmailsTo, caughtSource } from '../test/mailbox.ts';
import { createSmtpTransport } from '../worker/email.ts';

// E-mails go through the real SMTP catcher (MailDev) and are read back from it; links are followed on the app.
const { app, db, mail } = await createTestApp();
const TITLE = 'Classe de mer à Wimereux';

const outboxRow = async (template: string, address: string) =>
  (
    await db<{ id: number; status: string; attempts: number; lastError: string | null; messageId: string }[]>`
      select id, status, attempts, last_error, message_id from email_outbox
      where template = ${template} and to_address = ${address}`
  )[0]!;

describe('a donor’s e-mails', () => {
  it('arrive in French, naming the project and linking to its public page, with an unsubscribe link that works', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Léa Martin', 'Hugo Petit']);
    await email.queueProjectEmail({ projectId, template: 'half_minimum', audience: 'donors', eventKey: 'e1' });
    expect(await email.deliverDue()).toEqual(['sent', 'sent']);

    const [message] = await caughtEmailsTo(donors[0]!.email);
    expect(message?.to).toEqual([{ address: donors[0]!.email, name: 'Léa Martin' }]);
    expect(message?.subject).toBe(`« ${TITLE} » a atteint la moitié de son objectif`);
    expect(message?.text).toContain(
      `Bonjour Léa Martin,\n\nLe projet « ${TITLE} » que vous soutenez a réuni la moitié`,
    );
    expect(message?.html).toContain(`Projet « ${TITLE} »`);
    expect(message?.headers?.['message-id']).toBe((await outboxRow('half_minimum', donors[0]!.email)).messageId);
    expect((await caughtEmailsTo(donors[1]!.email)).map((other) => other.subject)).toEqual([message?.subject]);

    const [projectLink, unsubscribeLink] = linksIn(message!.text);
    expect(projectLink).toBe(`http://localhost:3000/projets/${projectId}`);
    const page = await app.request(pathOf(projectLink!));
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`<h1>${TITLE}</h1>`);
    const source = await caughtSource(message!);
    expect(source).toContain(`List-Unsubscribe: <${unsubscribeLink}>`);
    expect(source).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    // following the link asks first (a mail scanner opening it unsubscribes nobody); the button confirms
    const question = await app.request(pathOf(unsubscribeLink!));
    expect(question.status).toBe(200);
    const form = await question.text();
    expect(form).toContain(`Ne plus recevoir les nouvelles de « ${TITLE} » ?`);
    expect(await db`select 1 from email_unsubscriptions where project_id = ${projectId}`).toHaveLength(0);
    const action = /<form method="post" action="([^"]+)"/.exec(form)?.[1] ?? '';
    const confirmation = await app.request(action.replaceAll('&amp;', '&'), { method: 'POST' });
    expect(confirmation.status).toBe(200);
    expect(await confirmation.text()).toContain(`ne recevra plus les nouvelles du projet « ${TITLE} »`);
    expect(await db`select 1 from email_unsubscriptions where project_id = ${projectId}`).toHaveLength(1);
  });

  it('stop for a donor who unsubscribed, except the ones about their money', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Inès Roux', 'Noah Girard']);
    await email.queueProjectEmail({ projectId, template: 'half_minimum', audience: 'donors', eventKey: 'e1' });
    await email.deliverDue();
    const unsubscribeLink = linksIn((await caughtEmailsTo(donors[0]!.email))[0]!.text)[1]!;
    expect((await app.request(pathOf(unsubscribeLink), { method: 'POST' })).status).toBe(200);

    await email.queueProjectEmail({ projectId, template: 'report_published', audience: 'donors', eventKey: 'r1' });
    await email.queueProjectEmail({ projectId, template: 'campaign_failed_choice', audience: 'donors', eventKey: 'f' });
    expect((await email.deliverDue()).sort()).toEqual(['sent', 'sent', 'sent', 'skipped']);
    expect((await caughtEmailsTo(donors[0]!.email)).map((message) => message.subject)).toEqual([
      `« ${TITLE} » a atteint la moitié de son objectif`,
      `« ${TITLE} » n’a pas atteint son objectif : que faire de votre don ?`,
    ]);
    expect(await outboxRow('report_published', donors[0]!.email)).toMatchObject({ status: 'skipped' });
    expect(await caughtEmailsTo(donors[1]!.email)).toHaveLength(3);
  });

  it('refuse a forged or truncated unsubscribe link with a French page', async () => {
    const response = await app.request(`/unsubscribe?token=1.bGVhQGV4YW1wbGUub3Jn.${'A'.repeat(43)}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('Ce lien de désinscription n’est pas valide');
  });
});

describe('the porteur’s e-mails', () => {
  it('link to the project in the back office and carry no unsubscribe link', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, porteur } = await projectWithDonors(db, []);
    await email.queueProjectEmail({ projectId, template: 'minimum_reached', audience: 'porteur', eventKey: 'm' });
    await email.deliverDue();
    const [message] = await caughtEmailsTo(porteur.email);
    expect(message?.subject).toBe(`« ${TITLE} » a atteint son objectif minimum`);
    expect(linksIn(message!.text)).toEqual([`http://localhost:3000/admin/#/projects/${projectId}/show`]);
    expect(await caughtSource(message!)).not.toContain('List-Unsubscribe');
  });
});

describe('delivery', () => {
  it('never sends an e-mail twice when the activity is retried, even at the same moment', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Jade Morel']);
    await email.queueProjectEmail({ projectId, template: 'campaign_succeeded', audience: 'donors', eventKey: 's' });
    await email.queueProjectEmail({ projectId, template: 'campaign_succeeded', audience: 'donors', eventKey: 's' });
    const { id } = await outboxRow('campaign_succeeded', donors[0]!.email);
    const outcomes = await Promise.all([email.deliverEmail({ emailId: id }), email.deliverEmail({ emailId: id })]);
    expect(outcomes.map(({ outcome }) => outcome).sort()).toEqual(['not_deliverable', 'sent']);
    expect(await email.deliverEmail({ emailId: id })).toEqual({ outcome: 'not_deliverable' });
    expect(await caughtEmailsTo(donors[0]!.email)).toHaveLength(1);
    expect(await outboxRow('campaign_succeeded', donors[0]!.email)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('takes over a claim abandoned by a crashed delivery only after its lease, with the same Message-ID', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Lina Faure']);
    await email.queueProjectEmail({ projectId, template: 'report_published', audience: 'donors', eventKey: 'r' });
    const row = await outboxRow('report_published', donors[0]!.email);
    await db`update email_outbox set status = 'sending', claimed_at = ${email.clock.now} where id = ${row.id}`;
    expect(await email.deliverEmail({ emailId: row.id })).toEqual({ outcome: 'not_deliverable' });
    email.advanceDays(11 / 1440);
    expect(await email.deliverEmail({ emailId: row.id })).toEqual({ outcome: 'sent' });
    const [message] = await caughtEmailsTo(donors[0]!.email);
    expect(message?.headers?.['message-id']).toBe(row.messageId);
  });

  it('records each failed try with its error, retries with backoff, and gives up after six', async () => {
    const down = emailActivitiesAt(db, { ...mail, transport: createSmtpTransport('smtp://127.0.0.1:9') });
    const { projectId, porteur } = await projectWithDonors(db, []);
    await down.queueProjectEmail({ projectId, template: 'project_published', audience: 'porteur', eventKey: 'p' });
    expect(await down.deliverDue()).toEqual(['retrying']);
    expect(await outboxRow('project_published', porteur.email)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    expect(await down.deliverDue()).toEqual([]);
    const waits = [1, 4, 16, 64, 240];
    for (const minutes of waits) {
      down.advanceDays(minutes / 1440);
      expect(await down.deliverDue()).toEqual([minutes === 240 ? 'failed' : 'retrying']);
    }
    expect(await outboxRow('project_published', porteur.email)).toMatchObject({ status: 'failed', attempts: 6 });
  });

  it('fails at once when the SMTP server refuses the recipient for good (5xx)', async () => {
    const refusing = {
      sendMail: () => Promise.reject(Object.assign(new Error('550 No such user'), { responseCode: 550 })),
    };
    const email = emailActivitiesAt(db, { ...mail, transport: refusing });
    const { projectId, porteur } = await projectWithDonors(db, []);
    await email.queueProjectEmail({ projectId, template: 'project_accepted', audience: 'porteur', eventKey: 'a' });
    expect(await email.deliverDue()).toEqual(['failed']);
    expect(await outboxRow('project_accepted', porteur.email)).toMatchObject({
      status: 'failed',
      attempts: 1,
      lastError: '550 No such user',
    });
  });
});
