-- Schools imported from the official directory keep the school year of their IPS (a later table wins), and the
-- public catalogue filters and sorts on projects alone: the school's fields it filters on and the funding
-- progress are copied onto each project and kept in sync by triggers, so every shape of /projets walks an index.

alter table schools add column ips_school_year text check (ips_school_year ~ '^[0-9]{4}-[0-9]{4}$');

alter table projects
  add column school_academy_code text,
  add column school_departement text,
  add column school_priority_education text,
  add column school_rural boolean,
  -- what the catalogue's « presque financé » sorts on: collected (public totals) over the minimum
  add column public_progress double precision not null default 0,
  -- collecting projects (0) before funded ones (1), the first key of every catalogue order
  add column public_group smallint generated always as (case when status = 'published' then 0 else 1 end) stored;

create function projects_school_fields_refresh() returns trigger language plpgsql as $$
begin
  select s.academy_code, s.departement, s.priority_education, s.rural
    into new.school_academy_code, new.school_departement, new.school_priority_education, new.school_rural
    from schools s where s.uai = new.school_uai;
  return new;
end $$;

create trigger projects_school_fields before insert or update of school_uai on projects
  for each row execute function projects_school_fields_refresh();

create function schools_project_fields_refresh() returns trigger language plpgsql as $$
begin
  update projects p set school_academy_code = new.academy_code, school_departement = new.departement,
                        school_priority_education = new.priority_education, school_rural = new.rural
  where p.school_uai = new.uai;
  return null;
end $$;

create trigger schools_project_fields after update of academy_code, departement, priority_education, rural
  on schools for each row
  when ((old.academy_code, old.departement, old.priority_education, old.rural)
        is distinct from (new.academy_code, new.departement, new.priority_education, new.rural))
  execute function schools_project_fields_refresh();

create function projects_public_progress_refresh() returns trigger language plpgsql as $$
begin
  new.public_progress := coalesce((select t.collected_cents from project_public_totals t where t.project_id = new.id), 0)::float8
                         / new.minimum_goal_cents;
  return new;
end $$;

create trigger projects_public_progress before insert or update of minimum_goal_cents on projects
  for each row execute function projects_public_progress_refresh();

create function project_public_totals_progress() returns trigger language plpgsql as $$
begin
  update projects p set public_progress = new.collected_cents::float8 / p.minimum_goal_cents
  where p.id = new.project_id and p.public_progress is distinct from new.collected_cents::float8 / p.minimum_goal_cents;
  return null;
end $$;

create trigger project_public_totals_progress after insert or update on project_public_totals
  for each row execute function project_public_totals_progress();

update projects p set school_academy_code = s.academy_code, school_departement = s.departement,
                      school_priority_education = s.priority_education, school_rural = s.rural,
                      public_progress = coalesce((select t.collected_cents from project_public_totals t
                                                  where t.project_id = p.id), 0)::float8 / p.minimum_goal_cents
from schools s where s.uai = p.school_uai;

-- one index per catalogue order, collecting first, only the projects the catalogue lists, carrying the filtered
-- columns: a page walks its order in the index alone, without visiting a project that does not match
create index projects_catalogue_end_idx on projects (public_group, public_order, id)
  include (theme, levels, school_academy_code, school_departement, school_priority_education, school_rural)
  where public_order is not null;
-- the same order carrying the search document too, for a search walked in the catalogue's order
create index projects_catalogue_search_idx on projects (public_group, public_order, id)
  include (theme, levels, school_academy_code, school_departement, school_priority_education, school_rural,
           search_vector)
  where public_order is not null;
create index projects_catalogue_progress_idx on projects (public_group, public_progress desc, id)
  include (theme, levels, school_academy_code, school_departement, school_priority_education, school_rural)
  where public_order is not null;
create index projects_catalogue_recent_idx on projects (public_group, campaign_starts_at desc nulls last, id desc)
  include (theme, levels, school_academy_code, school_departement, school_priority_education, school_rural)
  where public_order is not null;
create index projects_catalogue_academy_idx on projects (school_academy_code) where public_order is not null;
create index projects_catalogue_departement_idx on projects (school_departement, school_priority_education)
  where public_order is not null;
create index projects_catalogue_priority_idx on projects (school_priority_education)
  where public_order is not null and school_priority_education <> 'none';
create index projects_catalogue_rural_idx on projects (id) where public_order is not null and school_rural;
drop index projects_public_order_idx;
