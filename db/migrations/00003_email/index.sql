-- E-mails: delivery claims and retries, throttled progress e-mails, unsubscriptions.

alter table email_outbox drop constraint email_outbox_status_check;
alter table email_outbox add constraint email_outbox_status_check
  check (status in ('pending', 'sending', 'sent', 'failed', 'merged', 'skipped'));

alter table email_outbox
  -- transactional e-mails always go out; progress and news ones honour unsubscriptions, progress ones are throttled
  add column kind text not null default 'transactional' check (kind in ('transactional', 'progress', 'news')),
  add column audience text,
  add column recipient_name text not null default '',
  add column message_id text,
  -- not delivered before: a throttled progress e-mail or the next try after a failure waits until then
  add column send_after timestamptz not null default now(),
  -- when a delivery claimed the row (status 'sending'); a claim older than the lease may be taken again
  add column claimed_at timestamptz,
  -- the earlier progress e-mails folded into this one, oldest first; a 'merged' row names the one it went out with
  add column merged_templates text[] not null default '{}',
  add column merged_into bigint references email_outbox (id);

drop index email_outbox_pending_idx;
create index email_outbox_due_idx on email_outbox (send_after) where status in ('pending', 'sending');
create index email_outbox_progress_idx on email_outbox (project_id, to_address, id) where kind = 'progress';
create index email_outbox_status_idx on email_outbox (status, id);

-- A recipient who no longer wants a project's progress and news e-mails (transactional ones still go out).
create table email_unsubscriptions (
  email citext not null,
  project_id bigint not null references projects (id),
  unsubscribed_at timestamptz not null default now(),
  primary key (email, project_id)
);
