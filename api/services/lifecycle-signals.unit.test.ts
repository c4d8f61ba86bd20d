import { describe, expect, it } from 'vitest';
import { createDonationSignaller, RETRY_FIRST_MS, SIGNAL_GAP_MS } from './lifecycle-signals.ts';

/** A send whose calls stay open until released, recording each (project, donation) sent. */
function gatedSend() {
  const sent: [number, number][] = [];
  const open: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const send = (projectId: number, donationId: number) =>
    new Promise<void>((resolve, reject) => {
      sent.push([projectId, donationId]);
      open.push({ resolve, reject });
    });
  const next = async () => {
    while (open.length === 0) await new Promise((resolve) => setImmediate(resolve));
    return open.shift()!;
  };
  return { sent, send, next };
}

describe('donation signaller', () => {
  it('sends a burst of asks for one project as the signal in flight plus one more', async () => {
    const { sent, send, next } = gatedSend();
    const signaller = createDonationSignaller(
      send,
      () => {},
      async () => {},
    );
    for (let donationId = 1; donationId <= 50; donationId += 1) signaller.ask(7, donationId);
    signaller.ask(8, 100);
    (await next()).resolve();
    (await next()).resolve();
    (await next()).resolve();
    await signaller.idle();
    expect(sent).toEqual([
      [7, 1],
      [8, 100],
      [7, 50],
    ]);
  });

  it('retries a failed signal with backoff until it is sent, keeping the asks made meanwhile', async () => {
    const { sent, send, next } = gatedSend();
    const errors: unknown[] = [];
    const waits: number[] = [];
    const signaller = createDonationSignaller(
      send,
      (error) => errors.push(error),
      async (ms) => void waits.push(ms),
    );
    signaller.ask(3, 1);
    (await next()).reject(new Error('Temporal injoignable'));
    (await next()).reject(new Error('Temporal injoignable'));
    signaller.ask(3, 2);
    (await next()).resolve();
    await signaller.idle();
    expect(sent).toEqual([
      [3, 1],
      [3, 1],
      [3, 2],
    ]);
    expect(errors).toHaveLength(2);
    expect(waits).toEqual([RETRY_FIRST_MS, 2 * RETRY_FIRST_MS, SIGNAL_GAP_MS]);
  });

  it('signals a project no sooner than the gap after its last signal, the asks made meanwhile as one', async () => {
    const { sent, send, next } = gatedSend();
    const waits: number[] = [];
    const gaps: (() => void)[] = [];
    const signaller = createDonationSignaller(
      send,
      () => {},
      (ms) =>
        new Promise<void>((resolve) => {
          waits.push(ms);
          gaps.push(resolve);
        }),
    );
    const gapStarted = async () => {
      while (gaps.length === 0) await new Promise((resolve) => setImmediate(resolve));
    };
    signaller.ask(7, 1);
    (await next()).resolve();
    await gapStarted();
    // gifts 2 to 4 arrive within the gap: nothing is sent until it ends, then one signal for the three
    for (const donationId of [2, 3, 4]) signaller.ask(7, donationId);
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([[7, 1]]);
    gaps.shift()!();
    (await next()).resolve();
    await gapStarted();
    gaps.shift()!();
    await signaller.idle();
    expect(sent).toEqual([
      [7, 1],
      [7, 4],
    ]);
    expect(waits).toEqual([SIGNAL_GAP_MS, SIGNAL_GAP_MS]);
  });
});
