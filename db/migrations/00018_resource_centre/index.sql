-- The resource centre: guides written by admins (Markdown, drafts and publication), and the final reports their
-- porteur agreed to share; each report now tells what was spent on each budget line.

alter table project_reports add column share_consent boolean not null default false;

create table project_report_spend_lines (
  report_id bigint not null references project_reports (id),
  budget_line_id bigint not null references project_budget_lines (id),
  spent_cents bigint not null check (spent_cents >= 0),
  primary key (report_id, budget_line_id)
);

create table guides (
  id bigint generated always as identity primary key,
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  title text not null check (length(title) between 3 and 200),
  summary text not null default '',
  body_markdown text not null,
  status text not null default 'draft' check (status in ('draft', 'published')),
  published_at timestamptz,
  author_id bigint references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((status = 'published') = (published_at is not null))
);

create index guides_published_idx on guides (published_at desc) where status = 'published';
