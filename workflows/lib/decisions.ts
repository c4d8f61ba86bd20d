import { condition, type ApplicationFailure } from '@temporalio/workflow';
import type { LifecycleAction } from '../../domain/lifecycle.ts';
import type {
  ActorInput,
  AttestInput,
  CancelInput,
  ReportInput,
  ReportReviewInput,
  ReviewInput,
} from '../project-lifecycle.messages.ts';

interface StepInputs {
  submit: ActorInput;
  review: ReviewInput;
  attest: AttestInput;
  cancel: CancelInput;
  submitReport: ReportInput;
  reviewReport: ReportReviewInput;
}

/** A human step an update handler accepted, for the main function to apply. */
export type Decision = { [A in LifecycleAction]: { action: A; input: StepInputs[A] } }[LifecycleAction];

interface Pending {
  decision: Decision;
  answered: boolean;
  refusal?: ApplicationFailure;
}

/**
 * The hand-over between update handlers and the main function (Temporal's safe-message-handlers pattern):
 * a handler validates synchronously and hands over one decision at a time; the main function, which owns
 * every transition, applies it when its process reaches a point where it may, then answers.
 */
export class Decisions {
  private pending: Pending | undefined;

  /** True while a decision waits for its answer: another one is refused until then. */
  get busy(): boolean {
    return this.pending !== undefined;
  }

  /** The decision waiting, if any. */
  peek(): Decision | undefined {
    return this.pending?.decision;
  }

  /** Handler side: hands the decision over and returns once the main function has applied it. */
  async hand(decision: Decision): Promise<void> {
    const pending: Pending = { decision, answered: false };
    this.pending = pending;
    await condition(() => pending.answered);
    if (pending.refusal) throw pending.refusal;
  }

  /**
   * Main side: the next decision, waiting for one until `until` holds or the timeout runs out (then
   * undefined). The decision stays pending until `answer` is called.
   */
  async next(options: { timeoutMs?: number; until?: () => boolean } = {}): Promise<Decision | undefined> {
    const ready = () => this.pending !== undefined || (options.until?.() ?? false);
    if (options.timeoutMs === undefined) await condition(ready);
    else await condition(ready, Math.max(options.timeoutMs, 1));
    return this.pending?.decision;
  }

  /** Main side: the pending decision has been applied; its handler returns the new state. */
  answer(): void {
    if (this.pending) this.pending.answered = true;
    this.pending = undefined;
  }

  /** Main side: the pending decision can no longer be applied; its handler fails with this refusal. */
  refuse(refusal: ApplicationFailure): void {
    if (this.pending) Object.assign(this.pending, { answered: true, refusal });
    this.pending = undefined;
  }
}
