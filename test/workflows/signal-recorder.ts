import { condition, defineQuery, setHandler } from '@temporalio/workflow';
import { donationChangedSignal } from '../../workflows/project-lifecycle.messages.ts';

/** The donation ids of the donationChanged signals received so far. */
export const donationSignalsQuery = defineQuery<number[]>('donationSignals');

/** Stands in for a project's lifecycle in tests: records the donationChanged signals it is sent, until terminated. */
export async function donationSignalRecorder(): Promise<void> {
  const received: number[] = [];
  setHandler(donationChangedSignal, ({ donationId }) => {
    received.push(donationId);
  });
  setHandler(donationSignalsQuery, () => received);
  await condition(() => false);
}
