import { beforeAll, describe, expect, it } from 'vitest';
import { signalDonationChanged } from '../api/services/lifecycle.ts';
import { createTestApp, type Browser } from '../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { act, TEST_TIME_SCALE, waitForStatus } from '../test/lifecycle.ts';
import { caughtEmailsTo } from '../test/mailbox.ts';
import { insertReceivingStructure, insertSolidarityFund, recordPaidDonation } from '../test/money.ts';
import { projectWorkflowId, stateQuery } from './project-lifecycle.messages.ts';

// A whole successful project through the API, every e-mail read back from the SMTP catcher (MailDev).
const { db, temporal, browser } = await createTestApp({
  worker: true,
  config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE },
});
const TITLE = 'Classe de mer à Wimereux';
const people: Record<string, { email: string; client: Browser }> = {};

beforeAll(async () => {
  const schoolUai = await insertSchool(db);
  await insertSolidarityFund(db);
  const roles = { porteur: { schoolUai }, directeur: { schoolUai }, validateur: {} } as const;
  for (const [role, scope] of Object.entries(roles)) {
    const user = await insertUser(db, role as keyof typeof roles, scope);
    const client = browser();
    expect((await client.login(user.email)).status).toBe(200);
    people[role] = { email: user.email, client };
  }
});

const subjectsTo = async (address: string) => (await caughtEmailsTo(address)).map((message) => message.subject);

/** A donation as the payment webhook records it, once its e-mails are out. */
async function give(projectId: number, amountCents: number, donorName: string, expectedEmails: number) {
  const donorEmail = `${donorName.toLowerCase().replace(/\W+/g, '.')}-${projectId}@example.org`;
  const donationId = await recordPaidDonation(db, { projectId, amountCents, donorEmail, donorName });
  await signalDonationChanged(temporal, projectId, donationId);
  await expect.poll(async () => (await caughtEmailsTo(donorEmail)).length, { timeout: 15_000 }).toBe(expectedEmails);
  return donorEmail;
}

describe('the e-mails of a project that succeeds', () => {
  it('reach each person once, in French, with progress e-mails to donors throttled', async () => {
    const porteur = people.porteur!;
    const schoolUai = (await db`select school_uai from user_roles where role = 'directeur'`)[0]!.schoolUai as string;
    const porteurId = (await db`select id from users where email = ${porteur.email}`)[0]!.id as number;
    const projectId = await insertProject(db, {
      schoolUai,
      porteurId,
      campaignDays: 20,
      minimumGoalCents: 100_000,
      optimumGoalCents: 150_000,
    });
    await insertReceivingStructure(db, { projectId });
    expect((await act(porteur.client, projectId, 'submit')).body.status).toBe('submitted');
    await act(people.validateur!.client, projectId, 'review', { decision: 'accept' });
    const attested = await act(people.directeur!.client, projectId, 'attest', {
      ienApproved: true,
      dasenApproved: true,
    });
    expect(attested.body.status).toBe('published');
    const lea = await give(projectId, 60_000, 'Léa Martin', 1);
    const hugo = await give(projectId, 50_000, 'Hugo Petit', 1);
    await waitForStatus(db, projectId, 'report_due');
    // the read model is written just before the workflow itself moves on: wait for the workflow
    const lifecycle = temporal.workflow.getHandle(projectWorkflowId(projectId));
    await expect.poll(async () => (await lifecycle.query(stateQuery)).status).toBe('report_due');
    const report = {
      whatWasDone: 'Trois jours à Wimereux : pêche à pied, phare.',
      pupilsReached: 24,
      actualSpendCents: 108_000,
    };
    expect((await act(porteur.client, projectId, 'report', report)).body.status).toBe('report_submitted');
    const accepted = await act(people.validateur!.client, projectId, 'report/review', { decision: 'accept' });
    expect(accepted.body.status).toBe('completed');
    await expect.poll(() => subjectsTo(hugo), { timeout: 15_000 }).toHaveLength(2);
    await expect.poll(() => subjectsTo(lea), { timeout: 15_000 }).toHaveLength(2);

    expect(await subjectsTo(lea)).toEqual([
      `« ${TITLE} » a atteint la moitié de son objectif`,
      `Le bilan de « ${TITLE} » est disponible`,
    ]);
    expect(await subjectsTo(hugo)).toEqual([
      `« ${TITLE} » a atteint son objectif minimum`,
      `Le bilan de « ${TITLE} » est disponible`,
    ]);
    // within three days of their last progress e-mail, the donors' next ones wait to go out as one
    const held = await db<{ toAddress: string; template: string }[]>`
      select to_address, template from email_outbox
      where project_id = ${projectId} and status = 'pending' order by to_address, id`;
    expect(held.map(({ toAddress, template }) => `${toAddress === lea ? 'lea' : 'hugo'} ${template}`).sort()).toEqual([
      'hugo campaign_succeeded',
      'lea campaign_succeeded',
      'lea minimum_reached',
    ]);
    expect(await subjectsTo(porteur.email)).toEqual([
      `Votre projet « ${TITLE} » a été soumis`,
      `Votre projet « ${TITLE} » est accepté`,
      `Votre projet « ${TITLE} » est en ligne`,
      `« ${TITLE} » a atteint la moitié de son objectif`,
      `« ${TITLE} » a atteint son objectif minimum`,
      `La collecte de « ${TITLE} » est réussie`,
    ]);
    expect(await subjectsTo(people.directeur!.email)).toEqual([`Attestation demandée pour « ${TITLE} »`]);
    expect(await subjectsTo(people.validateur!.email)).toEqual([`Nouveau projet à examiner : « ${TITLE} »`]);
  });
});
