-- News a porteur posts about their project while and after it collects; donors are e-mailed each one.
create table project_news (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id),
  author_id bigint not null references users (id),
  title text not null check (length(title) between 3 and 140),
  body text not null check (length(body) between 10 and 5000),
  created_at timestamptz not null default now()
);
create index project_news_project_idx on project_news (project_id, created_at desc);
