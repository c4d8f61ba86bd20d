import type { Tx } from '../client.ts';

/**
 * Where the aggregates the triggers keep (migration 00020) differ from what they summarise, each as a readable
 * key: account flows against ledger lines, monthly flows against lines by month, project counts and grants by
 * académie against the projects and grants. Every list is empty while the triggers hold.
 */
export interface AggregateDrift {
  accounts: string[];
  months: string[];
  projectCounts: string[];
  granted: string[];
}

/** The drift of every kept aggregate from the rows it summarises (see AggregateDrift). */
export async function keptAggregateDrift(db: Tx): Promise<AggregateDrift> {
  const accounts = await db<{ key: string }[]>`
    select a.code || ' ' || d.kind as key from (
      select account_id, transaction_kind as kind, amount_cents as cents from ledger_account_flows
      union all
      select l.account_id, t.kind, -l.amount_cents from ledger_lines l join ledger_transactions t on t.id = l.transaction_id
    ) d join ledger_accounts a on a.id = d.account_id
    group by a.code, d.kind having sum(d.cents) <> 0 order by 1`;
  const months = await db<{ key: string }[]>`
    select d.month || ' ' || d.kind || ' ' || d.account_kind as key from (
      select month::text, transaction_kind as kind, account_kind, amount_cents as cents from ledger_monthly_flows
      union all
      select date_trunc('month', t.created_at at time zone 'UTC')::date::text, t.kind, a.kind, -l.amount_cents
      from ledger_lines l join ledger_transactions t on t.id = l.transaction_id join ledger_accounts a on a.id = l.account_id
    ) d group by 1 having sum(d.cents) <> 0 order by 1`;
  const projectCounts = await db<{ key: string }[]>`
    select d.academy_code || ' ' || d.priority || ' ' || d.status as key from (
      select academy_code, priority, status, projects as n from project_status_counts
      union all
      select s.academy_code, s.priority_education <> 'none' or s.rural, p.status, -1
      from projects p join schools s on s.uai = p.school_uai
    ) d group by 1 having sum(d.n) <> 0 order by 1`;
  const granted = await db<{ key: string }[]>`
    select d.academy_code || ' ' || d.priority as key from (
      select academy_code, priority, granted_cents as cents from granted_by_academy
      union all
      select s.academy_code, s.priority_education <> 'none' or s.rural, -g.amount_cents
      from grants g join projects p on p.id = g.project_id join schools s on s.uai = p.school_uai
      where g.status <> 'released'
    ) d group by 1 having sum(d.cents) <> 0 order by 1`;
  const keys = (rows: { key: string }[]) => rows.map((row) => row.key);
  return {
    accounts: keys(accounts),
    months: keys(months),
    projectCounts: keys(projectCounts),
    granted: keys(granted),
  };
}
