import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { emailActivitiesAt, projectWithDonors } from '../test/emails.ts';
import { caughtEmailsTo } from '../test/mailbox.ts';

// At most one progress e-mail per donor and project every 3 days, read back from the SMTP catcher.
const { db, mail } = await createTestApp();
const TITLE = 'Classe de mer à Wimereux';

const rowsOf = (projectId: number, address: string) =>
  db<{ id: number; template: string; status: string; mergedInto: number | null }[]>`
    select id, template, status, merged_into from email_outbox
    where project_id = ${projectId} and to_address = ${address} order by id`;

describe('progress e-mails to a donor', () => {
  it('send one e-mail for milestones inside three days, then the ones held back merged into the next', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Léa Martin']);
    const lea = donors[0]!.email;
    const milestone = (template: string) =>
      email.queueProjectEmail({ projectId, template, audience: 'donors', eventKey: template });

    await milestone('half_minimum');
    expect(await email.deliverDue()).toEqual(['sent']);
    email.advanceDays(1);
    await milestone('minimum_reached');
    expect(await email.deliverDue()).toEqual([]);
    email.advanceDays(1);
    await milestone('optimum_reached');
    expect(await email.deliverDue()).toEqual([]);
    expect(await caughtEmailsTo(lea)).toHaveLength(1);

    email.advanceDays(0.99);
    expect(await email.deliverDue()).toEqual([]);
    email.advanceDays(0.02);
    expect(await email.deliverDue()).toEqual(['sent']);

    const received = await caughtEmailsTo(lea);
    expect(received.map((message) => message.subject)).toEqual([
      `« ${TITLE} » a atteint la moitié de son objectif`,
      `« ${TITLE} » a atteint son objectif optimal`,
    ]);
    expect(received[1]?.text).toContain(
      'Depuis notre dernier message :\n- l’objectif minimum a été atteint\n\nVoir le projet',
    );
    expect(received[1]?.html).toContain('<li>l’objectif minimum a été atteint</li>');
    const rows = await rowsOf(projectId, lea);
    expect(rows.map(({ template, status }) => [template, status])).toEqual([
      ['half_minimum', 'sent'],
      ['minimum_reached', 'merged'],
      ['optimum_reached', 'sent'],
    ]);
    expect(rows[1]?.mergedInto).toBe(rows[2]?.id);
  });

  it('merge milestones crossed together into one e-mail, and hold the next one three days', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Hugo Petit']);
    const hugo = donors[0]!.email;
    for (const template of ['half_minimum', 'minimum_reached']) {
      await email.queueProjectEmail({ projectId, template, audience: 'donors', eventKey: template });
    }
    expect(await email.deliverDue()).toEqual(['sent']);
    email.advanceDays(2);
    await email.queueProjectEmail({ projectId, template: 'campaign_succeeded', audience: 'donors', eventKey: 'end' });
    expect(await email.deliverDue()).toEqual([]);
    email.advanceDays(1.01);
    expect(await email.deliverDue()).toEqual(['sent']);

    const received = await caughtEmailsTo(hugo);
    expect(received.map((message) => message.subject)).toEqual([
      `« ${TITLE} » a atteint son objectif minimum`,
      `La collecte de « ${TITLE} » est réussie`,
    ]);
    expect(received[0]?.text).toContain('- la moitié de l’objectif minimum a été réunie');
    expect(received[1]?.text).not.toContain('Depuis notre dernier message');
  });

  it('hold one queued while the last was going out, though it was queued as due at once', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, donors } = await projectWithDonors(db, ['Inès Roux']);
    const ines = donors[0]!.email;
    await email.queueProjectEmail({ projectId, template: 'minimum_reached', audience: 'donors', eventKey: 'min' });
    await email.queueProjectEmail({ projectId, template: 'campaign_succeeded', audience: 'donors', eventKey: 'end' });
    // a delivery took the first one between the second's reading of the recipient's window and its queueing
    const [first, second] = await rowsOf(projectId, ines);
    await db`update email_outbox set status = 'sent', sent_at = send_after where id = ${first!.id}`;

    expect(await email.deliverDue()).toEqual([]);
    expect(await caughtEmailsTo(ines)).toHaveLength(0);
    const [held] = await db<{ status: string; sendAfter: Date; attempts: number }[]>`
      select status, send_after, attempts from email_outbox where id = ${second!.id}`;
    expect(held).toMatchObject({ status: 'pending', attempts: 0 });
    email.advanceDays(2.99);
    expect(await email.deliverDue()).toEqual([]);
    email.advanceDays(0.02);
    expect(await email.deliverDue()).toEqual(['sent']);
    expect((await caughtEmailsTo(ines)).map((message) => message.subject)).toEqual([
      `La collecte de « ${TITLE} » est réussie`,
    ]);
  });

  it('leave the porteur’s milestone e-mails and other e-mails to donors unthrottled', async () => {
    const email = emailActivitiesAt(db, mail);
    const { projectId, porteur, donors } = await projectWithDonors(db, ['Inès Roux']);
    for (const template of ['half_minimum', 'minimum_reached']) {
      await email.queueProjectEmail({ projectId, template, audience: 'porteur', eventKey: template });
    }
    await email.queueProjectEmail({ projectId, template: 'half_minimum', audience: 'donors', eventKey: 'h' });
    await email.queueProjectEmail({ projectId, template: 'report_published', audience: 'donors', eventKey: 'r' });
    expect(await email.deliverDue()).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(await caughtEmailsTo(porteur.email)).toHaveLength(2);
    expect(await caughtEmailsTo(donors[0]!.email)).toHaveLength(2);
  });
});
