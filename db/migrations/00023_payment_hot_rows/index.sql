-- Every payment adds to a few platform-wide rows kept by triggers (the home page's donors, Stripe clearing's flow,
-- the month's flows) and holds their lock until it commits. Spread over 8 or 16 rows by pg_backend_pid(), sessions
-- sharing a row queued behind each other (a payment's « mark paid » waited 0.6 s on average at 64 at once). Each
-- session now takes its own row among 64, numbered in turn at its first write, so up to 64 sessions never share
-- one; readers sum the rows, so the figures are unchanged.
create sequence kept_aggregate_sessions;

create function kept_aggregate_shard() returns int language plpgsql as $$
declare
  shard text := current_setting('trousse.kept_aggregate_shard', true);
begin
  if shard is null or shard = '' then
    shard := set_config('trousse.kept_aggregate_shard', (nextval('kept_aggregate_sessions') % 64)::text, false);
  end if;
  return shard::int;
end $$;

create or replace function public_home_totals_add(donors int, funded_cents bigint) returns void language sql as $$
  insert into public_home_totals as t (shard, donors, funded_cents) values (kept_aggregate_shard(), donors, funded_cents)
  on conflict (shard) do update set donors = t.donors + excluded.donors, funded_cents = t.funded_cents + excluded.funded_cents
$$;

create or replace function ledger_flows_from_lines() returns trigger language plpgsql as $$
begin
  insert into ledger_account_flows as f (account_id, transaction_kind, shard, amount_cents)
  select n.account_id, t.kind,
         case when a.kind in ('stripe_clearing', 'refunds', 'disputes') then kept_aggregate_shard() else 0 end,
         sum(n.amount_cents)
  from new_lines n join ledger_transactions t on t.id = n.transaction_id join ledger_accounts a on a.id = n.account_id
  group by 1, 2, 3 order by 1, 2, 3
  on conflict (account_id, transaction_kind, shard) do update set amount_cents = f.amount_cents + excluded.amount_cents;
  insert into ledger_monthly_flows as f (month, transaction_kind, account_kind, shard, amount_cents)
  select date_trunc('month', t.created_at at time zone 'UTC')::date, t.kind, a.kind, kept_aggregate_shard(),
         sum(n.amount_cents)
  from new_lines n join ledger_transactions t on t.id = n.transaction_id join ledger_accounts a on a.id = n.account_id
  group by 1, 2, 3, 4 order by 1, 2, 3, 4
  on conflict (month, transaction_kind, account_kind, shard) do update set amount_cents = f.amount_cents + excluded.amount_cents;
  return null;
end $$;

-- A payment moves its project's public figures, which updates the project's row (public_progress): projects counted
-- by status are left alone when no row changed its status or school, instead of adding and taking back each one.
create or replace function project_status_counts_from_projects() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform project_status_counts_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                      array_agg(n.status), array_agg(1))
    from new_projects n join schools s on s.uai = n.school_uai;
  elsif tg_op = 'DELETE' then
    perform project_status_counts_add(array_agg(s.academy_code), array_agg(s.priority_education <> 'none' or s.rural),
                                      array_agg(o.status), array_agg(-1))
    from old_projects o join schools s on s.uai = o.school_uai;
  elsif exists (select 1 from new_projects n join old_projects o on o.id = n.id
                where (n.status, n.school_uai) is distinct from (o.status, o.school_uai)) then
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
