import { beforeAll, describe, expect, it } from 'vitest';
import { startLifecycle } from '../api/services/lifecycle.ts';
import { findCampaignProgress } from '../db/queries/grants.ts';
import { findLifecycleFacts } from '../db/queries/projects.ts';
import { createTestApp, type Browser } from '../test/app.ts';
import { insertProject, insertSchool } from '../test/fixtures.ts';
import {
  act,
  emailsTo,
  give,
  keepHistory,
  publish,
  signIn,
  TEST_TIME_SCALE,
  timelineOf,
  waitForStatus,
  waitForWorkflowStatus,
} from '../test/lifecycle.ts';
import {
  expectLedgerConsistent,
  insertReceivingStructure,
  insertSolidarityFund,
  recordPaidDonation,
} from '../test/money.ts';
import { resolutionWorkflowId } from './failed-campaign-resolution.messages.ts';
import { projectWorkflowId, stateQuery } from './project-lifecycle.messages.ts';

// Every path of the lifecycle, through the API, on the real Temporal server and Postgres; one day lasts 0.1 s.
const app = await createTestApp({ worker: true, config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });
const { db, temporal, taskQueue } = app;

let schoolUai: string;
const people: Record<string, { id: number; email: string; client: Browser }> = {};

beforeAll(async () => {
  schoolUai = await insertSchool(db);
  const otherSchool = await insertSchool(db);
  await db`insert into academies (code, name, pilot_enabled) values ('reims', 'Reims', true)`;
  await insertSolidarityFund(db);
  const roles = {
    porteur: ['porteur', { schoolUai }],
    otherPorteur: ['porteur', { schoolUai }],
    directeur: ['directeur', { schoolUai }],
    otherDirecteur: ['directeur', { schoolUai: otherSchool }],
    validateur: ['validateur', {}],
    reimsValidateur: ['validateur', { academyCode: 'reims' }],
    admin: ['admin', {}],
    donateur: ['donateur', {}],
  } as const;
  for (const [name, [role, scope]] of Object.entries(roles)) people[name] = await signIn(app, role, scope);
});

const as = (name: string) => people[name]!.client;

/** A project with its receiving structure; 7-day campaign unless told otherwise. */
async function newProject(options: Partial<Parameters<typeof insertProject>[1]> = {}) {
  const projectId = await insertProject(db, { schoolUai, porteurId: people.porteur!.id, campaignDays: 20, ...options });
  await insertReceivingStructure(db, { projectId });
  return projectId;
}

const waitForWorkflowEnd = (projectId: number) => temporal.workflow.getHandle(projectWorkflowId(projectId)).result();

const donorOf = (donationId: number) =>
  db`select donor_email from donations where id = ${donationId}`.then(([row]) => row?.donorEmail as string);

const donationStatus = async (donationId: number) =>
  (await db`select status from donations where id = ${donationId}`)[0]?.status;

/** Keeps the project's lifecycle history for the replay test. */
const keep = (projectId: number, name: string) => keepHistory(temporal, name, projectWorkflowId(projectId));

describe('a project that succeeds', () => {
  it('goes from submission to completed, pays its structure and tells its donors of the report', async () => {
    const projectId = await newProject({ minimumGoalCents: 100_000, optimumGoalCents: 150_000 });
    await publish(projectId, as);
    await give(app, projectId, 60_000);
    await give(app, projectId, 50_000);
    // funded, activity in progress: the report is not due before the activity has ended (defect 6)
    await waitForWorkflowStatus(temporal, projectId, 'paid_out');

    const [payout] = await db`select amount_cents, status from payouts where project_id = ${projectId}`;
    expect(payout).toEqual({ amountCents: 110_000, status: 'recorded' });
    const report = {
      whatWasDone: 'Trois jours à Wimereux : pêche à pied, laisse de mer, phare.',
      pupilsReached: 24,
      actualSpendCents: 108_000,
    };
    expect((await act(as('porteur'), projectId, 'report', report)).body.status).toBe('report_submitted');
    expect((await act(as('validateur'), projectId, 'report/review', { decision: 'accept' })).body.status).toBe(
      'completed',
    );
    await waitForStatus(db, projectId, 'completed');
    expect(await timelineOf(db, projectId)).toEqual([
      'submitted',
      'accepted',
      'awaiting_attestation',
      'published',
      'succeeded',
      'paid_out',
      'report_submitted',
      'completed',
    ]);
    expect(await emailsTo(db, projectId, people.directeur!.email)).toEqual(['attestation_requested']);
    expect(await emailsTo(db, projectId, people.porteur!.email)).toEqual(
      expect.arrayContaining(['project_submitted', 'project_accepted', 'project_published', 'minimum_reached']),
    );
    const [reportRow] = await db`select pupils_reached from project_reports where project_id = ${projectId}`;
    expect(reportRow?.pupilsReached).toBe(24);
    const donorMails =
      await db`select count(*)::int as n from email_outbox where project_id = ${projectId} and template = 'report_published'`;
    expect(donorMails[0]?.n).toBe(2);
    await expectLedgerConsistent(db);
    await keep(projectId, 'succeeded-and-completed');
  });

  it('closes at once when the optimum is reached, long before its deadline', async () => {
    const projectId = await newProject({ campaignDays: 90, minimumGoalCents: 50_000, optimumGoalCents: 80_000 });
    await publish(projectId, as);
    const started = Date.now();
    await give(app, projectId, 80_000);
    await waitForStatus(db, projectId, 'paid_out');
    expect(Date.now() - started).toBeLessThan(90 * 100);
    expect((await timelineOf(db, projectId)).slice(3, 6)).toEqual(['published', 'closed_optimum', 'paid_out']);
    await keep(projectId, 'closed-at-optimum');
  });
});

describe('review', () => {
  it('loops through change requests until the project is accepted', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    const changes = await act(as('validateur'), projectId, 'review', {
      decision: 'request_changes',
      comment: 'Précisez le budget du transport.',
    });
    expect(changes.body.status).toBe('changes_requested');
    expect((await act(as('porteur'), projectId, 'submit')).body.status).toBe('submitted');
    expect((await act(as('validateur'), projectId, 'review', { decision: 'accept' })).body.status).toBe(
      'awaiting_attestation',
    );
    const [comment] = await db`
      select comment from project_status_history where project_id = ${projectId} and to_status = 'changes_requested'`;
    expect(comment?.comment).toBe('Précisez le budget du transport.');
    await keep(projectId, 'review-with-changes');
  });

  it('rejects with a reason, after which nothing more can be done', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    const rejected = await act(as('validateur'), projectId, 'review', { decision: 'reject', comment: 'Hors charte.' });
    expect(rejected.body.status).toBe('rejected');
    const again = await act(as('porteur'), projectId, 'submit');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(
      'Ce projet ne peut être soumis que depuis un brouillon ou après une demande de modifications.',
    );
    await keep(projectId, 'rejected');
  });

  it('escalates a submission waiting longer than the review SLA to the validators', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    await expect
      .poll(() => emailsTo(db, projectId, people.validateur!.email), { timeout: 15_000 })
      .toEqual(['new_submission', 'review_sla_breached']);
    await keep(projectId, 'review-sla-breached');
  });
});

describe('a campaign that fails', () => {
  it('releases its grants and resolves each donation: the donor’s answer, else the choice made at donation', async () => {
    const projectId = await newProject({ campaignDays: 10, minimumGoalCents: 200_000, optimumGoalCents: 250_000 });
    await publish(projectId, as);
    const refundByDefault = await give(app, projectId, 3_000, { failureChoice: 'refund' });
    const redirectByDefault = await give(app, projectId, 2_000, { failureChoice: 'redirect' });
    const answersRedirect = await give(app, projectId, 4_000, { failureChoice: 'refund' });
    await waitForStatus(db, projectId, 'resolving');
    // the donor answers from their own "manage my gift" link in the failure e-mail, sent when the resolution starts
    await expect
      .poll(async () => emailsTo(db, projectId, await donorOf(answersRedirect)), { timeout: 10_000 })
      .toContain('campaign_failed_choice');
    const [mail] = await db<{ textBody: string }[]>`
      select text_body from email_outbox where template = 'campaign_failed_choice'
        and dedupe_key = ${`campaign_failed_choice:donation-${answersRedirect}:failure-choice`}`;
    const link = /http:\/\/localhost:3000(\/dons\/gerer\?token=[\w.-]+)/.exec(mail!.textBody)?.[1];
    const token = new URL(`http://localhost${link}`).searchParams.get('token')!;
    const answer = await app.app.request('http://localhost/dons/gerer', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      body: new URLSearchParams({ token, choice: 'redirect' }).toString(),
    });
    expect(answer.status).toBe(200);
    await waitForStatus(db, projectId, 'closed');

    expect(await donationStatus(refundByDefault)).toBe('refund_requested');
    expect(await donationStatus(redirectByDefault)).toBe('redirected');
    expect(await donationStatus(answersRedirect)).toBe('redirected');
    expect((await timelineOf(db, projectId)).slice(3)).toEqual(['published', 'failed', 'resolving', 'closed']);
    const choiceMails = await db`
      select count(*)::int as n from email_outbox where project_id = ${projectId} and template = 'campaign_failed_choice'`;
    expect(choiceMails[0]?.n).toBe(3);
    await expectLedgerConsistent(db);
    await keep(projectId, 'failed-and-resolved');
    await keepHistory(temporal, 'failed-resolution-child', resolutionWorkflowId(projectId));
  });

  it('closes at once without a resolution workflow when no gift was made', async () => {
    const projectId = await newProject({ campaignDays: 10, minimumGoalCents: 200_000, optimumGoalCents: 250_000 });
    await publish(projectId, as);
    await waitForStatus(db, projectId, 'closed');
    expect((await timelineOf(db, projectId)).slice(3)).toEqual(['published', 'failed', 'resolving', 'closed']);
    await expect(temporal.workflow.getHandle(resolutionWorkflowId(projectId)).describe()).rejects.toThrow();
    expect(await waitForWorkflowEnd(projectId)).toBe('closed');
    await expectLedgerConsistent(db);
    await keep(projectId, 'failed-without-gifts');
  });
});

describe('cancellation', () => {
  it('lets an admin cancel a collecting project with a reason: every donor is refunded', async () => {
    const projectId = await newProject({ campaignDays: 60 });
    await publish(projectId, as);
    const donationId = await give(app, projectId, 5_000);
    const withoutReason = await act(as('admin'), projectId, 'cancel', { reason: '' });
    expect(withoutReason.status).toBe(400);
    const cancelled = await act(as('admin'), projectId, 'cancel', { reason: 'Sortie annulée par la préfecture.' });
    expect(cancelled.body.status).toBe('cancelled');
    await expect.poll(() => donationStatus(donationId), { timeout: 15_000 }).toBe('refund_requested');
    await expectLedgerConsistent(db);
    await waitForWorkflowEnd(projectId);
    await keep(projectId, 'cancelled-while-collecting');
  });
});

describe('the final report', () => {
  it('reminds the porteur, then tells the directeur when it is late; a late report still completes', async () => {
    const projectId = await newProject({ activityEndsInDays: -40, minimumGoalCents: 50_000, optimumGoalCents: 60_000 });
    await publish(projectId, as);
    await give(app, projectId, 60_000);
    await waitForWorkflowStatus(temporal, projectId, 'report_due');
    await expect
      .poll(() => emailsTo(db, projectId, people.directeur!.email), { timeout: 15_000 })
      .toEqual(['attestation_requested', 'report_late']);
    expect(await emailsTo(db, projectId, people.porteur!.email)).toEqual(
      expect.arrayContaining(['report_reminder', 'report_due_today']),
    );
    const report = {
      whatWasDone: 'Le séjour a eu lieu avec un mois de retard, en juin.',
      pupilsReached: 22,
      actualSpendCents: 59_000,
    };
    await act(as('porteur'), projectId, 'report', report);
    const changes = await act(as('validateur'), projectId, 'report/review', {
      decision: 'request_changes',
      comment: 'Ajoutez les factures du transport.',
    });
    expect(changes.body.status).toBe('report_changes_requested');
    expect((await act(as('porteur'), projectId, 'report', report)).body.status).toBe('report_submitted');
    expect((await act(as('validateur'), projectId, 'report/review', { decision: 'accept' })).body.status).toBe(
      'completed',
    );
    await keep(projectId, 'report-late-and-completed');
  });
});

describe('forbidden actions', () => {
  let projectId: number;
  beforeAll(async () => {
    projectId = await newProject();
  });

  it('refuses a role the action is not for', async () => {
    const response = await act(as('donateur'), projectId, 'submit');
    expect(response.status).toBe(403);
  });

  it('refuses another porteur’s project', async () => {
    expect((await act(as('otherPorteur'), projectId, 'submit')).status).toBe(404);
  });

  it('refuses an action the state does not allow, saying why', async () => {
    const response = await act(as('directeur'), projectId, 'attest', { ienApproved: true, dasenApproved: true });
    expect(response.status).toBe(409);
    expect(response.body.message).toBe('Ce projet n’attend pas d’attestation du chef d’établissement.');
  });

  it('refuses a directeur of another school and a validateur of another académie', async () => {
    await act(as('porteur'), projectId, 'submit');
    const review = await act(as('reimsValidateur'), projectId, 'review', { decision: 'accept' });
    expect(review.status).toBe(403);
    expect(review.body.message).toBe('Ce projet ne relève pas de l’académie que vous validez.');
    await act(as('validateur'), projectId, 'review', { decision: 'accept' });
    const attest = await act(as('otherDirecteur'), projectId, 'attest', { ienApproved: true, dasenApproved: true });
    expect(attest.status).toBe(403);
    expect(attest.body.message).toBe('Seul le chef de cet établissement peut attester ce projet.');
  });

  it('refuses an incomplete attestation with a 422 naming what is missing', async () => {
    const response = await act(as('directeur'), projectId, 'attest', { ienApproved: true });
    expect(response.status).toBe(422);
    expect(response.body.message).toBe('Attestez les avis favorables de l’IEN et du DASEN.');
  });

  it('refuses a change request without a comment', async () => {
    const other = await newProject();
    await act(as('porteur'), other, 'submit');
    const response = await act(as('validateur'), other, 'review', { decision: 'request_changes' });
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('commentaire est obligatoire');
  });

  it('never lets a validateur review their own project', async () => {
    const [row] = await db<{ id: number }[]>`
      insert into user_roles (user_id, role) values (${people.porteur!.id}, 'validateur') returning id`;
    const own = await newProject();
    await act(as('porteur'), own, 'submit');
    const response = await act(as('porteur'), own, 'review', { decision: 'accept' });
    expect(response.status).toBe(403);
    expect(response.body.message).toBe('Vous ne pouvez pas examiner votre propre projet.');
    await db`delete from user_roles where id = ${row!.id}`;
  });
});

describe('the lifecycle state', () => {
  it('invites the school head and the gestionnaire named in the draft when a validator accepts it', async () => {
    const tag = Math.random().toString(36).slice(2, 10);
    const [schoolEmail, gestionnaireEmail] = [`ce.${tag}@ac-lille.fr`, `tresorier.${tag}@example.org`];
    const uai = await insertSchool(db);
    await db`update schools set email = ${schoolEmail} where uai = ${uai}`;
    const projectId = await insertProject(db, { schoolUai: uai, porteurId: people.porteur!.id, campaignDays: 20 });
    const structureId = await insertReceivingStructure(db, { projectId });
    await db`update projects set gestionnaire_email = ${gestionnaireEmail} where id = ${projectId}`;
    await act(as('porteur'), projectId, 'submit');
    await waitForWorkflowStatus(temporal, projectId, 'submitted');
    expect((await act(as('validateur'), projectId, 'review', { decision: 'accept' })).status).toBe(200);
    await waitForWorkflowStatus(temporal, projectId, 'awaiting_attestation');

    const roles = await db`
      select u.email, r.role, r.school_uai, r.structure_id from users u join user_roles r on r.user_id = u.id
      where u.email in (${schoolEmail}, ${gestionnaireEmail}) order by r.role`;
    expect(roles).toEqual([
      { email: schoolEmail, role: 'directeur', schoolUai: uai, structureId: null },
      { email: gestionnaireEmail, role: 'gestionnaire', schoolUai: null, structureId },
    ]);
    expect(await emailsTo(db, projectId, schoolEmail)).toEqual(
      expect.arrayContaining(['directeur_invitation', 'attestation_requested']),
    );
    expect(await emailsTo(db, projectId, gestionnaireEmail)).toEqual(['gestionnaire_invitation']);
  });

  it('tells each role what it may do now', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    const response = await as('validateur').request('GET', `/api/projects/${projectId}/lifecycle`);
    expect(response.status).toBe(200);
    const state = await response.json();
    expect(state).toMatchObject({ status: 'submitted', actions: { validateur: ['review'], admin: ['cancel'] } });
    expect(state.actions.porteur).toBeUndefined();
    const timeline = await (await as('porteur').request('GET', `/api/projects/${projectId}/timeline`)).json();
    expect(timeline).toEqual([
      expect.objectContaining({ fromStatus: 'draft', toStatus: 'submitted', actorName: 'Test porteur' }),
    ]);
  });
});

describe('a long campaign', () => {
  it('continues as new when its history grows, keeping its totals, and the Temporal UI shows its status', async () => {
    const projectId = await collectingForAnHour({ minimumGoalCents: 400_000, optimumGoalCents: 1_000_000 });
    const handle = temporal.workflow.getHandle(projectWorkflowId(projectId));
    const firstRunId = (await handle.describe()).runId;
    // gifts until the server suggests continuing as new (300 events in tests), whatever the machine's speed
    for (let gift = 0; gift < 400 && (await handle.describe()).runId === firstRunId; gift += 1) {
      await give(app, projectId, 1_000);
    }
    // a burst of signals keeps the run reading its figures: it continues as new once it has caught up
    await expect.poll(async () => (await handle.describe()).runId, { timeout: 30_000 }).not.toBe(firstRunId);
    await keepHistory(temporal, 'continued-as-new', projectWorkflowId(projectId), firstRunId);
    await give(app, projectId, 1_000);
    const ledger = await findCampaignProgress(db, projectId);
    await expect
      .poll(async () => (await handle.query(stateQuery)).collectedCents, { timeout: 10_000 })
      .toBe(ledger.collectedCents);
    expect((await handle.query(stateQuery)).donorCount).toBe(ledger.donorCount);
    const description = await handle.describe();
    expect(description.searchAttributes.ProjectStatus).toEqual(['published']);
    expect(description.searchAttributes.Academie).toEqual(['lille']);
    await handle.terminate('test over');
  });
});

/** A project collecting for an hour (real time), its lifecycle started from the read model. */
async function collectingForAnHour(goals: { minimumGoalCents: number; optimumGoalCents: number }) {
  const projectId = await newProject({ ...goals, campaignDays: 90 });
  await db`update projects set status = 'published', campaign_starts_at = now(),
           campaign_ends_at = now() + interval '1 hour' where id = ${projectId}`;
  const facts = (await findLifecycleFacts(db, projectId))!;
  await startLifecycle(temporal, { taskQueue, timeScale: Number(TEST_TIME_SCALE), facts });
  return projectId;
}

describe('a project created before its workflow', () => {
  it('starts its lifecycle from the read model, mid-campaign, and carries on to the payout', async () => {
    const projectId = await newProject({ minimumGoalCents: 30_000, optimumGoalCents: 90_000 });
    await db`update projects set status = 'published', campaign_starts_at = now(),
             campaign_ends_at = now() + interval '1 second' where id = ${projectId}`;
    await recordPaidDonation(db, { projectId, amountCents: 35_000 });
    const facts = (await findLifecycleFacts(db, projectId))!;
    const options = { taskQueue, timeScale: Number(TEST_TIME_SCALE), facts };
    await startLifecycle(temporal, options);
    await startLifecycle(temporal, options);
    await waitForStatus(db, projectId, 'paid_out');
    expect((await timelineOf(db, projectId)).slice(-2)).toEqual(['succeeded', 'paid_out']);
  });
});

describe('the attestation document', () => {
  it('is uploaded by the directeur, attached to the attestation and downloadable by the validateur', async () => {
    const projectId = await newProject();
    await act(as('porteur'), projectId, 'submit');
    await act(as('validateur'), projectId, 'review', { decision: 'accept' });
    const pdf = new Blob(['%PDF-1.4 avis favorable IEN et DASEN'], { type: 'application/pdf' });
    const form = new FormData();
    form.set('file', new File([pdf], 'avis-ien-dasen.pdf', { type: 'application/pdf' }));
    form.set('kind', 'approval');
    const uploaded = await as('directeur').request('POST', `/api/projects/${projectId}/documents`, form);
    expect(uploaded.status).toBe(201);
    const document = await uploaded.json();
    expect(document).toMatchObject({
      filename: 'avis-ien-dasen.pdf',
      contentType: 'application/pdf',
      kind: 'approval',
    });

    const attest = { ienApproved: true, dasenApproved: true, documentId: document.id };
    expect((await act(as('directeur'), projectId, 'attest', attest)).body.status).toBe('published');
    const [row] = await db`select document_id from project_attestations where project_id = ${projectId}`;
    expect(row?.documentId).toBe(document.id);
    const download = await as('validateur').request('GET', `/api/projects/${projectId}/documents/${document.id}`);
    expect(await download.text()).toBe('%PDF-1.4 avis favorable IEN et DASEN');
  });

  it('refuses a file that is not a PDF or an image, and a document of another project', async () => {
    const projectId = await newProject();
    const form = new FormData();
    form.set('file', new File(['MZ'], 'virus.exe', { type: 'application/x-msdownload' }));
    form.set('kind', 'approval');
    const refused = await as('porteur').request('POST', `/api/projects/${projectId}/documents`, form);
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toContain('Ce fichier n’est ni un PDF, ni une image');

    await act(as('porteur'), projectId, 'submit');
    await act(as('validateur'), projectId, 'review', { decision: 'accept' });
    const [other] = await db<{ id: number }[]>`select id from project_documents order by id limit 1`;
    const response = await act(as('directeur'), projectId, 'attest', {
      ienApproved: true,
      dasenApproved: true,
      documentId: other!.id,
    });
    expect(response.status).toBe(422);
    expect(response.body.message).toBe('Ce document n’est pas joint à ce projet.');
  });
});
