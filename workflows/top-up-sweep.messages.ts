/** The id of the Temporal Schedule that runs the top-up sweep; fixed so the worker creates it once. */
export const TOP_UP_SWEEP_SCHEDULE_ID = 'funds-top-up-sweep';

/** The workflow id the schedule gives each sweep (Temporal appends the scheduled time). */
export const TOP_UP_SWEEP_WORKFLOW_ID = 'funds-top-up-sweep';

/** How often the schedule sweeps (an ISO-8601 or ms-style duration Temporal accepts). */
export const TOP_UP_SWEEP_EVERY = '1 hour';
