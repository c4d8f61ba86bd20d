import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDeliveryKicker, KICK_DEBOUNCE_MS } from './email-delivery.messages.ts';

/** A signal that stays in flight until the test settles it. */
function pendingSignals() {
  const sent: { shard: number; settle: (error?: Error) => void }[] = [];
  const send = (shard: number) =>
    new Promise<void>((resolve, reject) => {
      sent.push({ shard, settle: (error) => (error ? reject(error) : resolve()) });
    });
  return { sent, send };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the asks for an e-mail delivery of one process', () => {
  it('send one signal per shard for a burst, after a short wait, and never skip a later ask', async () => {
    const { sent, send } = pendingSignals();
    const kick = createDeliveryKicker(send, () => undefined);
    kick([3]);
    kick([3, 5]);
    kick([5]);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(KICK_DEBOUNCE_MS);
    expect(sent.map((signal) => signal.shard)).toEqual([3, 5]);

    kick([3]);
    await vi.advanceTimersByTimeAsync(KICK_DEBOUNCE_MS * 10);
    expect(sent.map((signal) => signal.shard)).toEqual([3, 5]);
    sent[0]!.settle();
    await vi.advanceTimersByTimeAsync(KICK_DEBOUNCE_MS);
    expect(sent.map((signal) => signal.shard)).toEqual([3, 5, 3]);
  });

  it('hand a failed signal to the error handler and go on asking', async () => {
    const { sent, send } = pendingSignals();
    const errors: unknown[] = [];
    const kick = createDeliveryKicker(send, (error) => errors.push(error));
    kick([1]);
    await vi.advanceTimersByTimeAsync(KICK_DEBOUNCE_MS);
    sent[0]!.settle(new Error('Workflow is busy'));
    await vi.advanceTimersByTimeAsync(0);
    expect(errors).toEqual([new Error('Workflow is busy')]);
    kick([1]);
    await vi.advanceTimersByTimeAsync(KICK_DEBOUNCE_MS);
    expect(sent.map((signal) => signal.shard)).toEqual([1, 1]);
  });
});
