-- The public site: French full-text search ignoring accents, and each project's public totals kept as the
-- ledger moves (so the catalogue sorts 100 000 projects by progress without summing the ledger).

create extension if not exists unaccent;

-- unaccent() is only stable (its dictionary could change); this wrapper names the dictionary and is immutable,
-- so an index may use it
create function public_unaccent(text) returns text language sql immutable parallel safe strict
  as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

-- the search document of a project: title first, then its school and commune, then summary and description
create function project_search_vector(title text, school text, commune text, summary text, description text)
  returns tsvector language sql immutable parallel safe
  as $$
    select setweight(to_tsvector('french', public_unaccent(coalesce(title, ''))), 'A')
        || setweight(to_tsvector('french', public_unaccent(coalesce(school, '') || ' ' || coalesce(commune, ''))), 'B')
        || setweight(to_tsvector('french', public_unaccent(coalesce(summary, '') || ' ' || coalesce(description, ''))), 'C')
  $$;

alter table projects add column search_vector tsvector;

create function projects_search_vector_refresh() returns trigger language plpgsql as $$
begin
  select project_search_vector(new.title, s.name, s.commune, new.summary, new.description)
    into new.search_vector from schools s where s.uai = new.school_uai;
  return new;
end $$;

create trigger projects_search_vector before insert or update of title, summary, description, school_uai
  on projects for each row execute function projects_search_vector_refresh();

create function schools_search_vector_refresh() returns trigger language plpgsql as $$
begin
  update projects p set search_vector = project_search_vector(p.title, new.name, new.commune, p.summary, p.description)
  where p.school_uai = new.uai;
  return null;
end $$;

create trigger schools_search_vector after update of name, commune on schools
  for each row execute function schools_search_vector_refresh();

update projects p set search_vector = project_search_vector(p.title, s.name, s.commune, p.summary, p.description)
  from schools s where s.uai = p.school_uai;

create index projects_search_idx on projects using gin (search_vector);

-- What the public sees of a project's money, kept by triggers: gifts less what was taken back while it
-- collected, plus grants committed (ledger_cents), and grants still reserved. A payout, a redirect or a
-- release does not lower it: after the campaign the page tells what became of the money.
create table project_public_totals (
  project_id bigint primary key references projects (id),
  ledger_cents bigint not null default 0,
  reserved_grant_cents bigint not null default 0,
  collected_cents bigint generated always as (ledger_cents + reserved_grant_cents) stored
);

create function project_public_totals_from_ledger() returns trigger language plpgsql as $$
declare
  project bigint;
begin
  select a.project_id into project from ledger_accounts a where a.id = new.account_id and a.kind = 'project';
  if project is null then
    return null;
  end if;
  if exists (select 1 from ledger_transactions t where t.id = new.transaction_id
             and t.kind in ('donation_paid', 'donation_refunded', 'donation_disputed', 'grant_committed')) then
    insert into project_public_totals (project_id, ledger_cents) values (project, new.amount_cents)
    on conflict (project_id) do update set ledger_cents = project_public_totals.ledger_cents + excluded.ledger_cents;
  end if;
  return null;
end $$;

create trigger ledger_lines_project_public_totals after insert on ledger_lines
  for each row execute function project_public_totals_from_ledger();

create function project_public_totals_from_grants() returns trigger language plpgsql as $$
begin
  insert into project_public_totals (project_id, reserved_grant_cents)
  select new.project_id, coalesce(sum(amount_cents), 0) from grants where project_id = new.project_id and status = 'reserved'
  on conflict (project_id) do update set reserved_grant_cents = excluded.reserved_grant_cents;
  return null;
end $$;

create trigger grants_project_public_totals after insert or update of status on grants
  for each row execute function project_public_totals_from_grants();

insert into project_public_totals (project_id, ledger_cents, reserved_grant_cents)
select p.id,
       coalesce((select sum(l.amount_cents) from ledger_accounts a join ledger_lines l on l.account_id = a.id
                 join ledger_transactions t on t.id = l.transaction_id
                 where a.kind = 'project' and a.project_id = p.id
                   and t.kind in ('donation_paid', 'donation_refunded', 'donation_disputed', 'grant_committed')), 0),
       coalesce((select sum(g.amount_cents) from grants g where g.project_id = p.id and g.status = 'reserved'), 0)
from projects p;

-- the catalogue's default order as one indexed number: collecting projects by deadline (epoch seconds), then
-- funded ones, the latest closed first; null for the projects the catalogue does not list
alter table projects add column public_order double precision;

create function projects_public_order_refresh() returns trigger language plpgsql as $$
begin
  new.public_order := case
    when new.status = 'published' then extract(epoch from new.campaign_ends_at)
    when new.status in ('closed_optimum', 'succeeded', 'paid_out', 'report_due', 'report_submitted',
                        'report_changes_requested', 'completed')
      then 1e11 - extract(epoch from new.status_changed_at)
  end;
  return new;
end $$;

create trigger projects_public_order before insert or update of status, status_changed_at, campaign_ends_at
  on projects for each row execute function projects_public_order_refresh();

update projects set status = status;

create index projects_public_order_idx on projects (public_order, id) where public_order is not null;
create index projects_theme_idx on projects (theme);
create index projects_levels_idx on projects using gin (levels);
create index schools_departement_idx on schools (departement);
