import { CancellationScope, isCancellation, sleep } from '@temporalio/workflow';

/**
 * The workflow's clock, in ms since the epoch. Inside a workflow the SDK makes `Date` deterministic (the
 * time of the current workflow task, the same on replay); this is the one place workflows read it.
 */
export function now(): number {
  // eslint-disable-next-line no-restricted-syntax -- the SDK's deterministic workflow clock
  return Date.now();
}

/**
 * One durable timer for a time a loop wakes at, however often something else wakes it first (the campaign's
 * deadline, between gifts). Set again to the same time, it keeps its timer; `condition(fn, timeout)` starts a
 * timer at each wait and cancels it at each wake: two history events and one more timer task per gift, every one
 * of them firing in the server at the deadline.
 */
export class Alarm {
  private at: number | undefined;
  private scope: CancellationScope | undefined;
  /** True once the timer for the time last set has fired. */
  rang = false;

  set(at: number): void {
    if (at === this.at) return;
    this.stop();
    this.at = at;
    this.rang = false;
    const scope = (this.scope = new CancellationScope());
    void scope
      .run(() => sleep(Math.max(at - now(), 1)))
      .then(
        () => {
          if (this.scope === scope) this.rang = true;
        },
        (error: unknown) => {
          if (!isCancellation(error)) throw error;
        },
      );
  }

  /** Cancels the timer, if it has not fired. */
  stop(): void {
    this.scope?.cancel();
    this.scope = this.at = undefined;
  }
}
