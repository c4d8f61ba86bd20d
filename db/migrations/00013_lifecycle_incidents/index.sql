-- A succeeded campaign whose receiving structure has no validated bank details waits, visibly, in payout_pending.
alter table projects drop constraint projects_status_check;
alter table projects add constraint projects_status_check check (status in (
  'draft', 'submitted', 'changes_requested', 'rejected', 'accepted', 'awaiting_attestation', 'published',
  'closed_optimum', 'succeeded', 'payout_pending', 'failed', 'resolving', 'closed', 'paid_out', 'report_due',
  'report_submitted', 'report_changes_requested', 'completed', 'cancelled'));

-- A step of a project's lifecycle that failed for good: the workflow waits for an admin to resume it.
create table lifecycle_incidents (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id),
  -- the workflow run and the step that failed; a retried activity records its incident once
  incident_key text not null unique,
  step text not null,
  message text not null,
  opened_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by bigint references users (id)
);
create index lifecycle_incidents_open_idx on lifecycle_incidents (project_id) where resolved_at is null;
