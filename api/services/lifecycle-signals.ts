import type { Client } from '@temporalio/client';
import { signalDonationChanged } from './lifecycle.ts';

/** Backoff after a failed signal: the first wait, doubled at each failure up to the last. */
export const RETRY_FIRST_MS = 500;
export const RETRY_MAX_MS = 30_000;
/**
 * The least time between two signals to one project: a campaign receiving many gifts a second (an appeal on
 * television) is told of them 4 times a second, each signal standing for all the gifts since the one before.
 */
export const SIGNAL_GAP_MS = 250;

/** Asks to tell a project's workflow of a donation change, and waits for every ask made so far to be sent. */
export interface DonationSignaller {
  ask(projectId: number, donationId: number): void;
  idle(): Promise<void>;
}

/** A wait that does not keep the process alive (a retry pending at shutdown is dropped). */
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms).unref());

/**
 * Coalesced signals, never awaited by the caller: one `send` in flight per project and none sooner than
 * SIGNAL_GAP_MS after the one before, the asks made meanwhile sent as one more signal (the workflow counts signals,
 * reading the figures once for a burst); a failed send is retried with backoff until it succeeds, so no ask is
 * dropped while the process runs.
 */
export function createDonationSignaller(
  send: (projectId: number, donationId: number) => Promise<void>,
  onError: (error: unknown) => void,
  wait: (ms: number) => Promise<unknown> = sleep,
): DonationSignaller {
  const pending = new Map<number, number>();
  const sending = new Set<number>();
  const idlers: (() => void)[] = [];
  const drain = async (projectId: number) => {
    let failures = 0;
    for (let donationId = pending.get(projectId); donationId !== undefined; donationId = pending.get(projectId)) {
      pending.delete(projectId);
      try {
        await send(projectId, donationId);
      } catch (error) {
        onError(error);
        if (!pending.has(projectId)) pending.set(projectId, donationId);
        failures += 1;
        await wait(Math.min(RETRY_FIRST_MS * 2 ** (failures - 1), RETRY_MAX_MS));
        continue;
      }
      failures = 0;
      await wait(SIGNAL_GAP_MS);
    }
    sending.delete(projectId);
    if (sending.size === 0) for (const resolve of idlers.splice(0)) resolve();
  };
  return {
    ask(projectId, donationId) {
      pending.set(projectId, donationId);
      if (sending.has(projectId)) return;
      sending.add(projectId);
      void drain(projectId);
    },
    idle: () => (sending.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => idlers.push(resolve))),
  };
}

const signallers = new WeakMap<Client, DonationSignaller>();

/** The donation signaller of a process's Temporal client (created at first use). */
export function donationSignaller(temporal: Client): DonationSignaller {
  let signaller = signallers.get(temporal);
  if (!signaller) {
    signaller = createDonationSignaller(
      (projectId, donationId) => signalDonationChanged(temporal, projectId, donationId),
      (error) => console.warn('Lifecycle not told of a donation change yet; retrying', error),
    );
    signallers.set(temporal, signaller);
  }
  return signaller;
}
