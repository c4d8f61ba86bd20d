import { condition, setHandler } from '@temporalio/workflow';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type { UpdateDefinition } from '@temporalio/common';
import { CANCELLABLE_BEFORE_CLOSING, isActionAllowed, type LifecycleAction } from '../../domain/lifecycle.ts';
import {
  attestUpdate,
  cancelUpdate,
  reviewReportUpdate,
  reviewUpdate,
  submitReportUpdate,
  submitUpdate,
  type ActorInput,
  type ProjectState,
} from '../project-lifecycle.messages.ts';
import { now } from '../lib/clock.ts';
import { busy, invalidInput, refused } from '../lib/failures.ts';
import { activities, type Lifecycle } from './lifecycle.ts';

/** The rules this first lifecycle was written for: it cancels only before closing, takes reports once due. */
function allowedInV1(action: LifecycleAction, status: ProjectStatus): boolean {
  if (action === 'cancel') return CANCELLABLE_BEFORE_CLOSING.includes(status);
  return isActionAllowed(action, status) && !(action === 'submitReport' && status === 'paid_out');
}

/** Registers the human steps (DESIGN.md: updates whose synchronous validator refuses what the state forbids). */
export function registerHumanSteps(lifecycle: Lifecycle): void {
  const { project } = lifecycle;

  /** A human step: refused synchronously when the state forbids it, recorded one at a time. */
  const step = <T extends ActorInput>(
    update: UpdateDefinition<ProjectState, [T]>,
    action: LifecycleAction,
    check: (stepInput: T) => void,
    handle: (stepInput: T) => Promise<void>,
  ) =>
    setHandler(
      update,
      async (stepInput: T) => {
        lifecycle.recording = true;
        try {
          await handle(stepInput);
        } finally {
          lifecycle.recording = false;
        }
        return lifecycle.view();
      },
      {
        validator: (stepInput: T) => {
          if (lifecycle.recording) throw busy();
          if (!allowedInV1(action, lifecycle.status) || lifecycle.cancellation) throw refused(action);
          check(stepInput);
        },
      },
    );

  step(
    submitUpdate,
    'submit',
    () => {},
    async ({ actorId }) => {
      await lifecycle.moveTo('submitted', actorId);
      await lifecycle.notify('project_submitted', 'porteur');
      await lifecycle.notify('new_submission', 'validateurs');
    },
  );

  step(
    reviewUpdate,
    'review',
    ({ decision, comment, actorId }) => {
      if (actorId === project.porteurId) throw invalidInput('Vous ne pouvez pas examiner votre propre projet.');
      if (decision !== 'accept' && !comment?.trim()) {
        throw invalidInput(
          decision === 'reject' ? 'Indiquez la raison du refus.' : 'Indiquez les modifications attendues.',
        );
      }
    },
    async ({ decision, comment, actorId }) => {
      if (decision === 'reject') {
        await lifecycle.moveTo('rejected', actorId, comment);
        await lifecycle.notify('project_rejected', 'porteur');
      } else if (decision === 'request_changes') {
        await lifecycle.moveTo('changes_requested', actorId, comment);
        await lifecycle.notify('changes_requested', 'porteur');
      } else {
        await lifecycle.moveTo('accepted', actorId, comment);
        await lifecycle.notify('project_accepted', 'porteur');
        await lifecycle.moveTo('awaiting_attestation', null);
        await lifecycle.notify('attestation_requested', 'directeur');
      }
    },
  );

  step(
    attestUpdate,
    'attest',
    (attestation) => {
      const firstDegree = project.degree === 'premier';
      const complete = firstDegree
        ? attestation.ienApproved === true && attestation.dasenApproved === true
        : Boolean(attestation.caVoteOn);
      if (!complete) {
        throw invalidInput(
          firstDegree
            ? "Attestez les avis favorables de l'IEN et du DASEN."
            : "Indiquez la date du vote du conseil d'administration.",
        );
      }
    },
    async (attestation) => {
      await activities.recordAttestation({ projectId: project.projectId, ...attestation });
      lifecycle.state.campaignEndsAt = new Date(now() + lifecycle.durations.campaign).toISOString();
      await lifecycle.moveTo('published', attestation.actorId);
      await lifecycle.notify('project_published', 'porteur');
    },
  );

  step(
    cancelUpdate,
    'cancel',
    ({ reason }) => {
      if (!reason?.trim()) throw invalidInput("Indiquez la raison de l'annulation.");
    },
    async (request) => {
      lifecycle.cancellation = request;
      await condition(() => lifecycle.status === 'cancelled');
    },
  );

  step(
    submitReportUpdate,
    'submitReport',
    ({ actorId, whatWasDone }) => {
      if (actorId !== project.porteurId) throw invalidInput('Seul le porteur du projet peut déposer son bilan.');
      if (!whatWasDone?.trim()) throw invalidInput('Décrivez ce qui a été réalisé.');
    },
    async (report) => {
      lifecycle.state.reportVersion += 1;
      await activities.recordReport({
        projectId: project.projectId,
        version: lifecycle.state.reportVersion,
        ...report,
      });
      await lifecycle.moveTo('report_submitted', report.actorId);
    },
  );

  step(
    reviewReportUpdate,
    'reviewReport',
    ({ decision, comment }) => {
      if (decision === 'request_changes' && !comment?.trim()) throw invalidInput('Indiquez les compléments attendus.');
    },
    async ({ decision, comment, actorId }) => {
      if (decision === 'accept') {
        await lifecycle.moveTo('completed', actorId, comment);
        await lifecycle.notify('report_published', 'donors');
        await lifecycle.notify('report_published', 'sponsors');
      } else {
        await lifecycle.moveTo('report_changes_requested', actorId, comment);
        await lifecycle.notify('report_changes_requested', 'porteur');
      }
    },
  );
}
