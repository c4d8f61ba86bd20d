-- The home page's figures kept by triggers, so it reads a few rows instead of every gift: each donor (gifts
-- paid, redirected or refunded, by address without case or surrounding spaces) with their counted gifts, and
-- the number of donors and the money of the funded campaigns, spread over 8 rows by writing session.
create table public_donors (
  email_key text primary key,
  gifts int not null
);

create table public_home_totals (
  shard smallint primary key,
  donors int not null default 0,
  funded_cents bigint not null default 0
);

create function public_home_totals_add(donors int, funded_cents bigint) returns void language sql as $$
  insert into public_home_totals as t (shard, donors, funded_cents) values (pg_backend_pid() % 8, donors, funded_cents)
  on conflict (shard) do update set donors = t.donors + excluded.donors, funded_cents = t.funded_cents + excluded.funded_cents
$$;

create function public_donors_add(emails text[], counts int[]) returns void language plpgsql as $$
declare
  change int;
begin
  with delta as (
    select lower(btrim(x.email)) as email_key, sum(x.n)::int as n from unnest(emails, counts) as x(email, n)
    group by 1 having sum(x.n) <> 0
  ), kept as (
    insert into public_donors as d (email_key, gifts) select email_key, n from delta order by email_key
    on conflict (email_key) do update set gifts = d.gifts + excluded.gifts
    returning d.email_key, d.gifts
  )
  select coalesce(sum(case when k.gifts > 0 and k.gifts - x.n <= 0 then 1
                           when k.gifts <= 0 and k.gifts - x.n > 0 then -1 else 0 end), 0)::int
  into change from kept k join delta x using (email_key);
  if change <> 0 then
    perform public_home_totals_add(change, 0);
  end if;
end $$;

-- the gifts inserted, updated or deleted by the statement: +1 each as it counts now, -1 each as it counted
create function public_donors_from_donations() returns trigger language plpgsql as $$
begin
  if tg_op = 'INSERT' then
    perform public_donors_add(array_agg(n.donor_email::text), array_agg(1)) from new_donations n
    where n.status in ('paid', 'redirected', 'refund_requested', 'refunded') having count(*) > 0;
  elsif tg_op = 'DELETE' then
    perform public_donors_add(array_agg(o.donor_email::text), array_agg(-1)) from old_donations o
    where o.status in ('paid', 'redirected', 'refund_requested', 'refunded') having count(*) > 0;
  else
    perform public_donors_add(array_agg(c.email), array_agg(c.n))
    from (select n.donor_email::text as email, 1 as n from new_donations n join old_donations o on o.id = n.id
          where n.status in ('paid', 'redirected', 'refund_requested', 'refunded')
            and (n.status, n.donor_email) is distinct from (o.status, o.donor_email)
          union all
          select o.donor_email::text, -1 from new_donations n join old_donations o on o.id = n.id
          where o.status in ('paid', 'redirected', 'refund_requested', 'refunded')
            and (n.status, n.donor_email) is distinct from (o.status, o.donor_email)) c
    having count(*) > 0;
  end if;
  return null;
end $$;

create trigger donations_public_donors_insert after insert on donations referencing new table as new_donations
  for each statement execute function public_donors_from_donations();
create trigger donations_public_donors_update after update on donations
  referencing old table as old_donations new table as new_donations
  for each statement execute function public_donors_from_donations();
create trigger donations_public_donors_delete after delete on donations referencing old table as old_donations
  for each statement execute function public_donors_from_donations();

-- a funded project's public total as it moves; the project's row is locked first, so a concurrent change of
-- status either sees this total or is seen by it
create function public_funded_from_totals() returns trigger language plpgsql as $$
declare
  funded boolean;
  delta bigint := new.collected_cents - case when tg_op = 'INSERT' then 0 else old.collected_cents end;
begin
  if delta = 0 then
    return null;
  end if;
  select p.status in ('closed_optimum', 'succeeded', 'payout_pending', 'paid_out', 'report_due', 'report_submitted',
                      'report_changes_requested', 'completed')
  into funded from projects p where p.id = new.project_id for no key update;
  if funded then
    perform public_home_totals_add(0, delta);
  end if;
  return null;
end $$;

create trigger project_public_totals_funded after insert or update on project_public_totals
  for each row execute function public_funded_from_totals();

-- a project entering or leaving a funded status carries its public total along
create function public_funded_from_projects() returns trigger language plpgsql as $$
declare
  funded text[] := array['closed_optimum', 'succeeded', 'payout_pending', 'paid_out', 'report_due', 'report_submitted',
                         'report_changes_requested', 'completed'];
  now_funded boolean := new.status = any(funded);
  was_funded boolean := old.status = any(funded);
begin
  if now_funded <> was_funded then
    perform public_home_totals_add(0, (case when now_funded then 1 else -1 end)
      * coalesce((select t.collected_cents from project_public_totals t where t.project_id = new.id), 0));
  end if;
  return null;
end $$;

create trigger projects_public_funded after update of status on projects
  for each row execute function public_funded_from_projects();

insert into public_donors (email_key, gifts)
select lower(btrim(donor_email::text)), count(*) from donations
where status in ('paid', 'redirected', 'refund_requested', 'refunded') group by 1;

insert into public_home_totals (shard, donors, funded_cents)
select 0, (select count(*) from public_donors),
       coalesce((select sum(t.collected_cents) from project_public_totals t join projects p on p.id = t.project_id
                 where p.status in ('closed_optimum', 'succeeded', 'payout_pending', 'paid_out', 'report_due',
                                    'report_submitted', 'report_changes_requested', 'completed')), 0);
