import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  BLOCKED_BY_INCIDENT,
  CANCEL_WHILE_CLOSING,
  CANCEL_WHILE_PAYING,
  isActionAllowed,
  type LifecycleAction,
} from '../../domain/lifecycle.ts';
import {
  attestUpdate,
  cancelUpdate,
  INVALID_TRANSITION,
  reviewReportUpdate,
  reviewUpdate,
  submitReportUpdate,
  submitUpdate,
  type ActorInput,
  type ProjectState,
} from '../project-lifecycle.messages.ts';
import type { Decision } from './decisions.ts';
import { busy, invalidInput, refused } from './failures.ts';
import type { Lifecycle } from './lifecycle.ts';

const refusedBecause = (message: string) => ApplicationFailure.nonRetryable(message, INVALID_TRANSITION);

/**
 * Registers the human steps (DESIGN.md: updates whose synchronous validator refuses what the state
 * forbids). A handler only validates and hands its decision to the main function, which applies it.
 */
export function registerHumanSteps(lifecycle: Lifecycle): void {
  const { project } = lifecycle;

  const step = <A extends LifecycleAction, T extends ActorInput>(
    update: UpdateDefinition<ProjectState, [T]>,
    action: A,
    check: (stepInput: T) => void = () => {},
  ) =>
    setHandler(
      update,
      async (input: T) => {
        await lifecycle.decisions.hand({ action, input } as Decision);
        return lifecycle.view();
      },
      {
        validator: (input: T) => {
          if (lifecycle.decisions.busy) throw busy();
          if (lifecycle.incident) throw refusedBecause(BLOCKED_BY_INCIDENT);
          if (!isActionAllowed(action, lifecycle.status)) throw refused(action);
          if (action === 'cancel' && lifecycle.phase === 'closing') throw refusedBecause(CANCEL_WHILE_CLOSING);
          if (action === 'cancel' && lifecycle.phase === 'paying') throw refusedBecause(CANCEL_WHILE_PAYING);
          check(input);
        },
      },
    );

  step(submitUpdate, 'submit');
  step(reviewUpdate, 'review', ({ decision, comment, actorId }) => {
    if (actorId === project.porteurId) throw invalidInput('Vous ne pouvez pas examiner votre propre projet.');
    if (decision !== 'accept' && !comment?.trim()) {
      throw invalidInput(
        decision === 'reject' ? 'Indiquez la raison du refus.' : 'Indiquez les modifications attendues.',
      );
    }
  });
  step(attestUpdate, 'attest', (attestation) => {
    const firstDegree = project.degree === 'premier';
    const complete = firstDegree
      ? attestation.ienApproved === true && attestation.dasenApproved === true
      : Boolean(attestation.caVoteOn);
    if (!complete) {
      throw invalidInput(
        firstDegree
          ? 'Attestez les avis favorables de l’IEN et du DASEN.'
          : 'Indiquez la date du vote du conseil d’administration.',
      );
    }
  });
  step(cancelUpdate, 'cancel', ({ reason }) => {
    if (!reason?.trim()) throw invalidInput('Indiquez la raison de l’annulation.');
  });
  step(submitReportUpdate, 'submitReport', ({ actorId, whatWasDone }) => {
    if (actorId !== project.porteurId) throw invalidInput('Seul le porteur du projet peut déposer son bilan.');
    if (!whatWasDone?.trim()) throw invalidInput('Décrivez ce qui a été réalisé.');
  });
  step(reviewReportUpdate, 'reviewReport', ({ decision, comment }) => {
    if (decision === 'request_changes' && !comment?.trim()) throw invalidInput('Indiquez les compléments attendus.');
  });
}
