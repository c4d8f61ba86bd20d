import {
  allHandlersFinished,
  condition,
  continueAsNew,
  deprecatePatch,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { PayoutBlocker } from '../activities/lifecycle.ts';
import { topUpWindowLength } from '../domain/campaign.ts';
import type { ProjectStatus } from '../domain/project-status.ts';
import { contacts, funds, LOCAL_STEPS, records, topUps } from './lib/activities.ts';
import { Alarm, now } from './lib/clock.ts';
import type { Decision } from './lib/decisions.ts';
import { refused } from './lib/failures.ts';
import { registerHumanSteps } from './lib/human-steps.ts';
import { Lifecycle } from './lib/lifecycle.ts';
import { resolveDonations } from './lib/resolve-donations.ts';
import { recordSearchAttributes } from './lib/search-attributes.ts';
import {
  donationChangedSignal,
  payoutReadySignal,
  resumeSignal,
  stateQuery,
  type CancelInput,
  type ProjectLifecycleInput,
} from './project-lifecycle.messages.ts';

const IN_REVIEW: ProjectStatus[] = ['draft', 'submitted', 'changes_requested'];
const AWAITING_PUBLICATION: ProjectStatus[] = ['accepted', 'awaiting_attestation'];
const FAILED: ProjectStatus[] = ['failed', 'resolving'];
const SUCCEEDED: ProjectStatus[] = ['closed_optimum', 'succeeded', 'payout_pending'];
const REPORTING: ProjectStatus[] = ['paid_out', 'report_due', 'report_submitted', 'report_changes_requested'];

/**
 * The lifecycle of one project (DESIGN.md §Lifecycle), from its draft to its final report. This function
 * owns every transition: update handlers only validate and hand it their decision. It may start from any
 * state of the read model (a project created before its workflow, or a resumed one), and each phase below
 * runs only if the project has not gone past it; a cancellation ends the phase it lands in.
 */
export async function projectLifecycleWorkflowV2(input: ProjectLifecycleInput): Promise<ProjectStatus> {
  const lifecycle = new Lifecycle(input);
  const { project, durations, state, decisions } = lifecycle;
  const { projectId } = project;
  setHandler(stateQuery, () => lifecycle.view());
  registerHumanSteps(lifecycle);
  setHandler(donationChangedSignal, () => void (lifecycle.donationSignals += 1));
  setHandler(payoutReadySignal, () => void (lifecycle.payoutSignals += 1));
  setHandler(resumeSignal, () => void (lifecycle.resumes += 1));
  recordSearchAttributes(project, state);
  /** the payout's blocker as the closing read it, and the payoutReady signals received before */
  let payoutRead: { signals: number; blocker: PayoutBlocker } | undefined;

  if (IN_REVIEW.includes(state.status)) await review();
  if (AWAITING_PUBLICATION.includes(state.status)) await attestation();
  if (state.status === 'published') await campaign();
  if (FAILED.includes(state.status)) await resolveFailure();
  if (SUCCEEDED.includes(state.status)) await payout();
  if (REPORTING.includes(state.status)) await finalReport();
  return await finish();

  /** 1. The porteur submits; a validator accepts, asks for changes (any number of times) or rejects; a
   *  submission waiting longer than the review SLA (working days) is escalated to the validators. */
  async function review(): Promise<void> {
    let escalateAt: number | undefined;
    while (IN_REVIEW.includes(state.status)) {
      if (state.status !== 'submitted') escalateAt = undefined;
      else escalateAt ??= await reviewDeadline();
      const escalating = escalateAt !== undefined && escalateAt !== Infinity;
      const decision = await decisions.next({ timeoutMs: escalating ? escalateAt! - now() : undefined });
      if (!decision) {
        await lifecycle.notify('review_sla_breached', 'validateurs');
        escalateAt = Infinity;
      } else if (decision.action === 'cancel') return await cancel(decision.input);
      else if (decision.action === 'submit') {
        await lifecycle.moveTo('submitted', decision.input.actorId);
        await lifecycle.notify('project_submitted', 'porteur');
        await lifecycle.notify('new_submission', 'validateurs');
        decisions.answer();
      } else if (decision.action === 'review') {
        const { decision: verdict, actorId, comment } = decision.input;
        if (verdict === 'reject') await lifecycle.moveTo('rejected', actorId, comment);
        if (verdict === 'request_changes') await lifecycle.moveTo('changes_requested', actorId, comment);
        if (verdict === 'accept') await lifecycle.moveTo('accepted', actorId, comment);
        await lifecycle.notify(
          verdict === 'accept' ? 'project_accepted' : verdict === 'reject' ? 'project_rejected' : 'changes_requested',
          'porteur',
        );
        if (verdict === 'accept') await requestAttestation();
        decisions.answer();
      } else unexpected(decision);
    }
  }

  /** When the review SLA runs out for a submission made now: 5 French working days, as calendar time. */
  async function reviewDeadline(): Promise<number> {
    const { day, reviewSlaWorkingDays } = durations;
    if (day === undefined || reviewSlaWorkingDays === undefined) return now() + durations.reviewSla;
    const from = new Date(now()).toISOString();
    const { days } = await lifecycle.guard('délai d’examen', () =>
      records.workingDaysToCalendarDays({ from, workingDays: reviewSlaWorkingDays }),
    );
    return now() + days * day;
  }

  /** 2. The directeur attests the official approvals; that opens the campaign. */
  async function attestation(): Promise<void> {
    if (state.status === 'accepted') await requestAttestation();
    while (state.status === 'awaiting_attestation') {
      const decision = (await decisions.next()) as Decision;
      if (decision.action === 'cancel') return await cancel(decision.input);
      if (decision.action !== 'attest') return unexpected(decision);
      await lifecycle.guard('attestation', () => records.recordAttestation({ projectId, ...decision.input }));
      state.campaignEndsAt = new Date(now() + durations.campaign).toISOString();
      await lifecycle.moveTo('published', decision.input.actorId);
      await lifecycle.notify('project_published', 'porteur');
      decisions.answer();
    }
  }

  async function requestAttestation(): Promise<void> {
    await lifecycle.moveTo('awaiting_attestation', null);
    // the school head and the gestionnaire get their accounts, if they have none, before the head is asked to attest
    deprecatePatch('invite-project-contacts');
    await lifecycle.guard('invitation des contacts', () => contacts.inviteProjectContacts({ projectId }));
    await lifecycle.notify('attestation_requested', 'directeur');
  }

  /** 3. The campaign: seeding at launch, a top-up near the deadline, closed at once at the optimum. */
  async function campaign(): Promise<void> {
    const deadline = new Date(state.campaignEndsAt as string).getTime();
    const topUpFrom = deadline - topUpWindowLength(durations.topUpWindow, durations.campaign);
    // the figures' reads after each gift, and every step after them, run as local activities: a gift's signal is
    // one workflow task, where it was three round trips (the task, the read as an activity, the task after it)
    if (patched('campaign-local-reads')) lifecycle.steps = LOCAL_STEPS;
    // one timer for the next wake-up (top-up window, deadline) whatever the gifts meanwhile, where each gift's
    // wake cancelled it and the next wait started another
    const alarm = patched('campaign-one-timer') ? new Alarm() : undefined;
    if (!state.seedingRequested) {
      await lifecycle.guard('amorçage', () => funds.requestSeedingGrants({ projectId }));
      state.seedingRequested = true;
    }
    let topUpAskedAt: number | undefined;
    for (;;) {
      const decision = decisions.peek();
      if (decision?.action === 'cancel') break;
      if (decision) unexpected(decision);
      if (lifecycle.progressStale) await lifecycle.refreshProgress();
      if (lifecycle.progressStale) continue;
      if (lifecycle.campaignTotal() >= project.optimumGoalCents || now() >= deadline) break;
      if (!state.topUpGranted && now() >= topUpFrom && topUpAskedAt !== lifecycle.donationSignals) {
        topUpAskedAt = lifecycle.donationSignals;
        state.topUpGranted = await requestTopUp();
        if (state.topUpGranted) lifecycle.donationSignals += 1;
        continue;
      }
      if (workflowInfo().continueAsNewSuggested) {
        await condition(() => allHandlersFinished() || decisions.busy);
        if (!decisions.busy) await continueAsNew<typeof projectLifecycleWorkflowV2>({ ...input, carried: state });
        continue;
      }
      const wakeAt = state.topUpGranted || now() >= topUpFrom ? deadline : topUpFrom;
      if (alarm) {
        alarm.set(wakeAt);
        await decisions.next({ until: () => lifecycle.progressStale || alarm.rang });
      } else await decisions.next({ timeoutMs: wakeAt - now(), until: () => lifecycle.progressStale });
    }
    alarm?.stop();
    const pending = decisions.peek();
    if (pending?.action === 'cancel') return await cancel(pending.input);
    lifecycle.phase = 'closing';
    // the closing and every step after it run as local activities: at the deadline, one workflow task. A campaign
    // already reading locally does, unasked: a patch asked after a local activity's workflow task is not found on replay
    const local = lifecycle.steps === LOCAL_STEPS || patched('closing-local-activities');
    if (local) lifecycle.steps = LOCAL_STEPS;
    await lifecycle.refreshProgress();
    const total = lifecycle.campaignTotal();
    const outcome = total >= project.optimumGoalCents ? 'closed_optimum' : 'succeeded';
    const reached = total >= project.minimumGoalCents ? outcome : 'failed';
    // one activity records the outcome and what follows it; a failure without gifts closes without a child. A local
    // closing always does, unasked: a patch asked after a local activity whose workflow task ended is not found on replay
    if (local || patched('closing-in-one-activity')) {
      const signals = lifecycle.payoutSignals;
      payoutRead = { signals, ...(await lifecycle.recordOutcome(reached)) };
    } else await lifecycle.moveTo(reached, null);
    lifecycle.phase = 'open';
    if (SUCCEEDED.includes(state.status)) {
      await lifecycle.notify('campaign_succeeded', 'porteur');
      await lifecycle.notify('campaign_succeeded', 'donors');
    }
  }

  /** A top-up failing after the sweep's tries is left to the next donation or the hourly sweep. */
  async function requestTopUp(): Promise<boolean> {
    try {
      return (await topUps.requestTopUpGrants({ projectId })).grants.length > 0;
    } catch {
      return false;
    }
  }

  /** Failure: reservations released; each donation refunded or redirected as its donor chooses. */
  async function resolveFailure(): Promise<void> {
    if (state.status === 'failed') {
      await lifecycle.guard('libération des abondements', () => lifecycle.steps.funds.releaseGrants({ projectId }));
      await lifecycle.moveTo('resolving', null);
    }
    await resolveDonations(lifecycle, { refundAll: false });
    await lifecycle.moveTo('closed', null);
  }

  /** 4. Success: once the structure's bank details are validated, the grants become project money and the
   *  whole sum goes to the structure. Until then the project waits, visibly, and may still be cancelled. */
  async function payout(): Promise<void> {
    for (;;) {
      const signals = payoutRead?.signals ?? lifecycle.payoutSignals;
      const { blocker } =
        payoutRead ??
        (await lifecycle.guard('coordonnées bancaires', () =>
          lifecycle.steps.records.findPayoutBlocker({ projectId }),
        ));
      payoutRead = undefined;
      const decision = decisions.peek();
      if (decision?.action === 'cancel') return await cancel(decision.input);
      if (decision) unexpected(decision);
      if (!blocker) break;
      if (state.status !== 'payout_pending') {
        await lifecycle.moveTo('payout_pending', null);
        await lifecycle.notify('payout_waiting_bank_details', 'gestionnaire');
        await lifecycle.notify('payout_waiting_bank_details', 'admins');
      }
      await decisions.next({ until: () => lifecycle.payoutSignals !== signals });
    }
    lifecycle.phase = 'paying';
    const { funds: grants, payments } = lifecycle.steps;
    await lifecycle.guard('engagement des abondements', () => grants.commitGrants({ projectId }));
    await lifecycle.guard('versement', () => payments.recordPayout({ projectId }));
    await lifecycle.moveTo('paid_out', null);
    lifecycle.phase = 'open';
  }

  /** 5. The final report: shown funded until it is due; reminders before and at the due date, then the
   *  directeur told when it is late; it ends when a validator accepts it and its readers are told. */
  async function finalReport(): Promise<void> {
    const due = new Date(project.activityEndsOn).getTime() + durations.reportDueAfterActivity;
    const reminders = [
      { at: due - durations.reportReminderBefore, run: () => lifecycle.notify('report_reminder', 'porteur') },
      { at: due, run: reportDue },
      { at: due + durations.lateReportEscalation, run: () => lifecycle.notify('report_late', 'directeur') },
    ];
    let next = 0;
    while (state.status !== 'completed') {
      const reminder = ['paid_out', 'report_due'].includes(state.status) ? reminders[next] : undefined;
      const decision = await decisions.next({ timeoutMs: reminder && reminder.at - now() });
      if (!decision) {
        next += 1;
        await reminder?.run();
      } else if (decision.action === 'submitReport') {
        state.reportVersion += 1;
        const report = { projectId, version: state.reportVersion, ...decision.input };
        await lifecycle.guard('bilan', () => lifecycle.steps.records.recordReport(report));
        await lifecycle.moveTo('report_submitted', decision.input.actorId);
        decisions.answer();
      } else if (decision.action === 'reviewReport') {
        const { decision: verdict, actorId, comment } = decision.input;
        await lifecycle.moveTo(verdict === 'accept' ? 'completed' : 'report_changes_requested', actorId, comment);
        if (verdict === 'accept') await lifecycle.notify('report_published', 'donors');
        if (verdict === 'accept') await lifecycle.notify('report_published', 'sponsors');
        else await lifecycle.notify('report_changes_requested', 'porteur');
        decisions.answer();
      } else unexpected(decision);
    }
  }

  async function reportDue(): Promise<void> {
    if (state.status === 'paid_out') await lifecycle.moveTo('report_due', null);
    await lifecycle.notify('report_due_today', 'porteur');
  }

  /** Cancellation by an admin: reservations released, every donor told why and refunded. */
  async function cancel({ actorId, reason }: CancelInput): Promise<void> {
    await lifecycle.moveTo('cancelled', actorId, reason);
    decisions.answer();
    await lifecycle.notify('project_cancelled', 'porteur');
    await lifecycle.notify('project_cancelled', 'donors', { message: `Raison de l’annulation : ${reason}` });
    await lifecycle.guard('libération des abondements', () => lifecycle.steps.funds.releaseGrants({ projectId }));
    await resolveDonations(lifecycle, { refundAll: true });
  }

  /** A decision the current phase cannot apply (its validator should have refused it): refused now. */
  function unexpected(decision: Decision): void {
    decisions.refuse(refused(decision.action));
  }

  /** Ends the run once every human step in progress has answered. */
  async function finish(): Promise<ProjectStatus> {
    const leftover = decisions.peek();
    if (leftover) unexpected(leftover);
    await condition(allHandlersFinished);
    return state.status;
  }
}
