/**
 * The workflow's clock, in ms since the epoch. Inside a workflow the SDK makes `Date` deterministic (the
 * time of the current workflow task, the same on replay); this is the one place workflows read it.
 */
export function now(): number {
  // eslint-disable-next-line no-restricted-syntax -- the SDK's deterministic workflow clock
  return Date.now();
}
