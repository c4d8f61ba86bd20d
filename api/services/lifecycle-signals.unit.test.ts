import { describe, expect, it } from 'vitest';
import { createDonationSignaller, RETRY_FIRST_MS } from './lifecycle-signals.ts';

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
    const signaller = createDonationSignaller(send, () => {});
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
    expect(waits).toEqual([RETRY_FIRST_MS, 2 * RETRY_FIRST_MS]);
  });
});
