import { fundOutcomeOf, type FundOutcome, type MeceneHome } from '../../../domain/homes.ts';
import type { ProjectStatus } from '../../../domain/project-status.ts';
import type { Tx } from '../../client.ts';

type FundImpact = MeceneHome['funds'][number];

/** The impact of these funds: projects backed, money granted, the part to priority schools, and outcomes. */
export async function fundsImpact(db: Tx, fundIds: number[]): Promise<MeceneHome> {
  const funds = await db<{ id: number; name: string; budgetCents: number }[]>`
    select id, name, budget_cents from funds where id = any(${fundIds}::bigint[]) order by name, id`;
  const backed = await db<
    { fundId: number; status: ProjectStatus; pupilCount: number; grantedCents: number; priority: boolean }[]
  >`
    select g.fund_id, p.status, p.pupil_count,
           coalesce(sum(g.amount_cents) filter (where g.status <> 'released'), 0)::bigint as granted_cents,
           (s.priority_education <> 'none' or s.rural) as priority
    from grants g join projects p on p.id = g.project_id join schools s on s.uai = p.school_uai
    where g.fund_id = any(${fundIds}::bigint[])
    group by g.fund_id, p.id, s.uai`;
  const byMonth = await db<{ fundId: number; month: string; cents: number }[]>`
    select fund_id, to_char(date_trunc('month', created_at), 'YYYY-MM') as month, sum(amount_cents)::bigint as cents
    from grants
    where fund_id = any(${fundIds}::bigint[]) and status <> 'released'
      and created_at >= date_trunc('month', now()) - interval '11 months'
    group by 1, 2 order by 1, 2`;
  return {
    funds: funds.map((fund) =>
      impactOf(
        fund,
        backed.filter((row) => row.fundId === fund.id),
        byMonth,
      ),
    ),
  };
}

function impactOf(
  fund: { id: number; name: string; budgetCents: number },
  projects: { status: ProjectStatus; pupilCount: number; grantedCents: number; priority: boolean }[],
  byMonth: { fundId: number; month: string; cents: number }[],
): FundImpact {
  const outcomes: Record<FundOutcome, number> = { collecting: 0, funded: 0, completed: 0, failed: 0 };
  let pupils = 0;
  for (const project of projects) {
    const outcome = fundOutcomeOf(project.status);
    outcomes[outcome] += 1;
    if (outcome !== 'failed') pupils += project.pupilCount;
  }
  const sum = (rows: typeof projects) => rows.reduce((total, row) => total + row.grantedCents, 0);
  return {
    ...fund,
    projectsReached: projects.length,
    pupils,
    grantedCents: sum(projects),
    priorityGrantedCents: sum(projects.filter((row) => row.priority)),
    grantedByMonth: byMonth.filter((row) => row.fundId === fund.id).map(({ month, cents }) => ({ month, cents })),
    outcomes,
  };
}
