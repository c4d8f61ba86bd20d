-- Lists and figures at national scale (100 000 projects, 2 000 000 donations): aggregates kept by triggers in
-- the transaction that moves the money or the project, so no list or figure sums the ledger; indexes behind
-- every filter and sort of the admin lists; accent-insensitive trigram search of names.

create extension if not exists pg_trgm;

-- The net flow of each account by transaction kind, kept from ledger_lines: an account's balance is the sum of
-- its rows, exactly the sum of its lines. The accounts every payment moves (Stripe clearing, refunds, disputes)
-- are spread over 16 rows by writing session, so concurrent payments do not queue on one row.
create table ledger_account_flows (
  account_id bigint not null references ledger_accounts (id),
  transaction_kind text not null,
  shard smallint not null,
  amount_cents bigint not null,
  primary key (account_id, transaction_kind, shard)
);

-- The money each month (UTC) moved, by transaction kind and account kind, spread over 16 rows the same way.
create table ledger_monthly_flows (
  month date not null,
  transaction_kind text not null,
  account_kind text not null,
  shard smallint not null,
  amount_cents bigint not null,
  primary key (month, transaction_kind, account_kind, shard)
);

create function ledger_flows_from_lines() returns trigger language plpgsql as $$
begin
  insert into ledger_account_flows as f (account_id, transaction_kind, shard, amount_cents)
  select n.account_id, t.kind,
         case when a.kind in ('stripe_clearing', 'refunds', 'disputes') then pg_backend_pid() % 16 else 0 end,
         sum(n.amount_cents)
  from new_lines n join ledger_transactions t on t.id = n.transaction_id join ledger_accounts a on a.id = n.account_id
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (account_id, transaction_kind, shard) do update set amount_cents = f.amount_cents + excluded.amount_cents;
  insert into ledger_monthly_flows as f (month, transaction_kind, account_kind, shard, amount_cents)
  select date_trunc('month', t.created_at at time zone 'UTC')::date, t.kind, a.kind, pg_backend_pid() % 16,
         sum(n.amount_cents)
  from new_lines n join ledger_transactions t on t.id = n.transaction_id join ledger_accounts a on a.id = n.account_id
  group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (month, transaction_kind, account_kind, shard) do update set amount_cents = f.amount_cents + excluded.amount_cents;
  return null;
end $$;

create trigger ledger_lines_flows after insert on ledger_lines referencing new table as new_lines
  for each statement execute function ledger_flows_from_lines();

-- Projects counted by académie, priority (REP, REP+ or rural) and status; and the grants not released, by
-- académie and priority: the dashboard reads these few hundred rows instead of every project and grant.
create table project_status_counts (
  academy_code text not null,
  priority boolean not null,
  status text not null,
  shard smallint not null,
  projects int not null,
  primary key (academy_code, priority, status, shard)
);

create table granted_by_academy (
  academy_code text not null,
  priority boolean not null,
  shard smallint not null,
  granted_cents bigint not null,
  primary key (academy_code, priority, shard)
);

create function project_status_counts_add(academies text[], priorities boolean[], statuses text[], counts int[])
  returns void language sql as $$
  insert into project_status_counts as c (academy_code, priority, status, shard, projects)
  select x.academy, x.priority, x.status, pg_backend_pid() % 8, sum(x.n)
  from unnest(academies, priorities, statuses, counts) as x(academy, priority, status, n)
  group by 1, 2, 3 having sum(x.n) <> 0 order by 1, 2, 3
  on conflict (academy_code, priority, status, shard) do update set projects = c.projects + excluded.projects
$$;

create function granted_by_academy_add(academies text[], priorities boolean[], cents bigint[])
  returns void language sql as $$
  insert into granted_by_academy as g (academy_code, priority, shard, granted_cents)
  select x.academy, x.priority, pg_backend_pid() % 8, sum(x.cents)
  from unnest(academies, priorities, cents) as x(academy, priority, cents)
  group by 1, 2 having sum(x.cents) <> 0 order by 1, 2
  on conflict (academy_code, priority, shard) do update set granted_cents = g.granted_cents + excluded.granted_cents
$$;

-- the projects inserted, updated or deleted by the statement, each counted +1 as it is and -1 as it was
create function project_status_counts_from_projects() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform project_status_counts_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                      array_agg(n.status), array_agg(1))
    from new_projects n join schools s on s.uai = n.school_uai;
  elsif tg_op = 'DELETE' then
    perform project_status_counts_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                      array_agg(o.status), array_agg(-1))
    from old_projects o join schools s on s.uai = o.school_uai;
  else
    perform project_status_counts_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                      array_agg(c.status), array_agg(c.n))
    from (select school_uai, status, 1 as n from new_projects
          union all select school_uai, status, -1 from old_projects) c join schools s on s.uai = c.school_uai;
    -- a project moved to another school takes its grants along
    perform granted_by_academy_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                   array_agg(c.cents))
    from (select n.school_uai, g.cents from new_projects n join old_projects o on o.id = n.id
          cross join lateral (select sum(amount_cents)::bigint as cents from grants where project_id = n.id and status <> 'released') g
          where n.school_uai <> o.school_uai
          union all
          select o.school_uai, -g.cents from new_projects n join old_projects o on o.id = n.id
          cross join lateral (select sum(amount_cents)::bigint as cents from grants where project_id = n.id and status <> 'released') g
          where n.school_uai <> o.school_uai) c
    join schools s on s.uai = c.school_uai where c.cents is not null;
  end if;
  return null;
end $$;

create trigger projects_status_counts_insert after insert on projects referencing new table as new_projects
  for each statement execute function project_status_counts_from_projects();
create trigger projects_status_counts_update after update on projects
  referencing old table as old_projects new table as new_projects
  for each statement execute function project_status_counts_from_projects();
create trigger projects_status_counts_delete after delete on projects referencing old table as old_projects
  for each statement execute function project_status_counts_from_projects();

-- the grants inserted, updated or deleted by the statement: + what they hold now, - what they held
create function granted_by_academy_from_grants() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform granted_by_academy_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                   array_agg(n.amount_cents))
    from new_grants n join projects p on p.id = n.project_id join schools s on s.uai = p.school_uai
    where n.status <> 'released';
  elsif tg_op = 'DELETE' then
    perform granted_by_academy_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                   array_agg(-o.amount_cents))
    from old_grants o join projects p on p.id = o.project_id join schools s on s.uai = p.school_uai
    where o.status <> 'released';
  else
    perform granted_by_academy_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                   array_agg(c.cents))
    from (select project_id, amount_cents as cents from new_grants where status <> 'released'
          union all select project_id, -amount_cents from old_grants where status <> 'released') c
    join projects p on p.id = c.project_id join schools s on s.uai = p.school_uai;
  end if;
  return null;
end $$;

create trigger grants_granted_insert after insert on grants referencing new table as new_grants
  for each statement execute function granted_by_academy_from_grants();
create trigger grants_granted_update after update on grants referencing old table as old_grants new table as new_grants
  for each statement execute function granted_by_academy_from_grants();
create trigger grants_granted_delete after delete on grants referencing old table as old_grants
  for each statement execute function granted_by_academy_from_grants();

-- a school whose académie or priority changes moves its projects and their grants to their new place
create function tallies_from_schools() returns trigger language plpgsql as $$
declare
  done int;
begin
  with changed as (
    select n.uai, n.academy_code as new_academy, n.priority_education <> 'none' or n.rural as new_priority,
           o.academy_code as old_academy, o.priority_education <> 'none' or o.rural as old_priority
    from new_schools n join old_schools o on o.uai = n.uai
  ),
  moved as (
    select c.uai, side.academy_code, side.priority, side.n
    from changed c cross join lateral (values (c.new_academy, c.new_priority, 1), (c.old_academy, c.old_priority, -1))
      as side(academy_code, priority, n)
    where (c.new_academy, c.new_priority) is distinct from (c.old_academy, c.old_priority)
  ),
  counted as (
    select project_status_counts_add(array_agg(m.academy_code), array_agg(m.priority), array_agg(p.status),
                                     array_agg(m.n))
    from moved m join projects p on p.school_uai = m.uai
  ),
  granted as (
    select granted_by_academy_add(array_agg(m.academy_code), array_agg(m.priority), array_agg(m.n * g.amount_cents))
    from moved m join projects p on p.school_uai = m.uai join grants g on g.project_id = p.id and g.status <> 'released'
  )
  select count(*) into done from counted, granted;
  return null;
end $$;

create trigger schools_tallies after update on schools referencing old table as old_schools new table as new_schools
  for each statement execute function tallies_from_schools();

-- Recomputes every kept aggregate from the ledger, the projects and the grants: run by this migration, and
-- after a bulk load that wrote with triggers off; never while the platform writes.
create function kept_aggregates_rebuild() returns void language sql as $$
  delete from ledger_account_flows;
  insert into ledger_account_flows (account_id, transaction_kind, shard, amount_cents)
  select l.account_id, t.kind, 0, sum(l.amount_cents)
  from ledger_lines l join ledger_transactions t on t.id = l.transaction_id group by 1, 2;
  delete from ledger_monthly_flows;
  insert into ledger_monthly_flows (month, transaction_kind, account_kind, shard, amount_cents)
  select date_trunc('month', t.created_at at time zone 'UTC')::date, t.kind, a.kind, 0, sum(l.amount_cents)
  from ledger_lines l join ledger_transactions t on t.id = l.transaction_id join ledger_accounts a on a.id = l.account_id
  group by 1, 2, 3;
  delete from project_status_counts;
  insert into project_status_counts (academy_code, priority, status, shard, projects)
  select s.academy_code, s.priority_education <> 'none' or s.rural, p.status, 0, count(*)
  from projects p join schools s on s.uai = p.school_uai group by 1, 2, 3;
  delete from granted_by_academy;
  insert into granted_by_academy (academy_code, priority, shard, granted_cents)
  select s.academy_code, s.priority_education <> 'none' or s.rural, 0, sum(g.amount_cents)
  from grants g join projects p on p.id = g.project_id join schools s on s.uai = p.school_uai
  where g.status <> 'released' group by 1, 2;
$$;

select kept_aggregates_rebuild();

-- Admin lists: an index for each sort (with the id that breaks ties), for the filters that narrow a sort, and
-- trigram indexes for searching names without accents (see the list queries in db/queries).
create index projects_status_changed_idx on projects (status_changed_at, id);
create index projects_status_sort_idx on projects (status, status_changed_at, id);
create index projects_title_sort_idx on projects (title, id);
create index projects_campaign_ends_idx on projects (campaign_ends_at, id);
create index projects_minimum_goal_idx on projects (minimum_goal_cents, id);
create index projects_structure_idx on projects (structure_id);
-- names folded once (lower case, no accents) when written, so a trigram search rechecks its candidates cheaply
alter table projects add column title_folded text generated always as (lower(public_unaccent(title))) stored;
alter table schools add column name_folded text generated always as (lower(public_unaccent(name))) stored;
alter table donations add column donor_name_folded text
  generated always as (lower(public_unaccent(donor_name))) stored;
create index projects_title_trgm_idx on projects using gin (title_folded gin_trgm_ops);
create index schools_name_trgm_idx on schools using gin (name_folded gin_trgm_ops);
create index schools_priority_idx on schools (priority_education) where priority_education <> 'none';
create index schools_rural_idx on schools (uai) where rural;

create index donations_created_idx on donations (created_at, id);
-- newest payments first, ties by id ascending: the unpaid (null) come first and are many
create index donations_paid_idx on donations (paid_at desc, id);
create index donations_amount_idx on donations (amount_cents, id);
create index donations_status_idx on donations (status, id);
create index donations_status_amount_idx on donations (status, amount_cents, id);
create index donations_donor_name_idx on donations (donor_name, id);
create index donations_name_trgm_idx on donations using gin (donor_name_folded gin_trgm_ops);
create index donations_email_prefix_idx on donations ((lower(donor_email::text) collate "C"));

create index grants_fund_idx on grants (fund_id, id);
create index payment_anomalies_created_idx on payment_anomalies (created_at, id);
