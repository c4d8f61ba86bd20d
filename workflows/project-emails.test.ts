import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Browser } from '../test/app.ts';
import { insertProject, insertSchool } from '../test/fixtures.ts';
import { act, give, publish, signIn, TEST_TIME_SCALE, waitForWorkflowStatus } from '../test/lifecycle.ts';
import { caughtEmailsTo } from '../test/mailbox.ts';
import { insertReceivingStructure, insertSolidarityFund } from '../test/money.ts';

// A whole successful project through the API, every e-mail read back from the SMTP catcher (MailDev).
const app = await createTestApp({ worker: true, config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });
const { db, temporal } = app;
const TITLE = 'Classe de mer à Wimereux';
let schoolUai: string;
const people: Record<string, { id: number; email: string; client: Browser }> = {};

beforeAll(async () => {
  schoolUai = await insertSchool(db);
  await insertSolidarityFund(db);
  for (const role of ['porteur', 'directeur', 'validateur'] as const) {
    people[role] = await signIn(app, role, role === 'validateur' ? {} : { schoolUai });
  }
});

const as = (role: string) => people[role]!.client;
const subjectsTo = async (address: string) => (await caughtEmailsTo(address)).map((message) => message.subject);

/** A donation as the payment webhook records it, once its e-mails are out. */
async function giveAs(donorName: string, projectId: number, amountCents: number, expectedEmails: number) {
  const donorEmail = `${donorName.toLowerCase().replace(/\W+/g, '.')}-${projectId}@example.org`;
  await give(app, projectId, amountCents, { donorEmail, donorName });
  await expect.poll(async () => (await caughtEmailsTo(donorEmail)).length, { timeout: 15_000 }).toBe(expectedEmails);
  return donorEmail;
}

describe('the e-mails of a project that succeeds', () => {
  it('reach each person once, in French, with progress e-mails to donors throttled', async () => {
    const porteur = people.porteur!;
    const projectId = await insertProject(db, {
      schoolUai,
      porteurId: porteur.id,
      // 9 s at the test's time scale: the gifts' e-mails go out before the deadline, so the donors' progress
      // e-mails are the milestone then the success held back (at 2 s, a loaded machine met the deadline first and
      // the success went out merged with the minimum, as it should, but not as this test reads them)
      campaignDays: 90,
      minimumGoalCents: 100_000,
      optimumGoalCents: 150_000,
    });
    await insertReceivingStructure(db, { projectId });
    await publish(projectId, as);
    const lea = await giveAs('Léa Martin', projectId, 60_000, 1);
    const hugo = await giveAs('Hugo Petit', projectId, 50_000, 1);
    // the workflow itself, not only the read model, must be there before the report is sent (filed early, while funded)
    await waitForWorkflowStatus(temporal, projectId, 'paid_out');
    const report = {
      whatWasDone: 'Trois jours à Wimereux : pêche à pied, phare.',
      pupilsReached: 24,
      actualSpendCents: 108_000,
    };
    expect((await act(porteur.client, projectId, 'report', report)).body.status).toBe('report_submitted');
    const accepted = await act(as('validateur'), projectId, 'report/review', { decision: 'accept' });
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
  }, 60_000);
});
