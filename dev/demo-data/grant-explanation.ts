import type { Tx } from '../../db/client.ts';
import { formatEuros } from '../../domain/format.ts';
import type { GrantExplanation } from '../../domain/funds/plan.ts';
import { priorityScore } from '../../domain/funds/priority.ts';
import type { ProjectFacts } from '../../domain/funds/types.ts';

const KIND_WORDS = { seeding: 'Amorçage', topup: 'Abondement' } as const;

/** The explanation a past demo grant carries, in the engine's shape: the project's facts, one rank of one. */
export async function demoExplanation(
  tx: Tx,
  grant: { fundId: number; projectId: number; kind: 'seeding' | 'topup'; cents: number; day: number },
): Promise<GrantExplanation> {
  const [row] = await tx<(Omit<ProjectFacts, 'id'> & { fundName: string; decidedOn: string })[]>`
    select s.priority_education, s.rural, s.ips::float8 as ips, p.theme, p.levels, s.academy_code as academy,
           s.departement, p.minimum_goal_cents, p.optimum_goal_cents, 0::bigint as collected_cents, 0 as donor_count,
           p.campaign_days as days_left, true as published, (current_date + ${grant.day}::int)::text as published_on,
           f.name as fund_name, (current_date + ${grant.day}::int)::text as decided_on
    from projects p join schools s on s.uai = p.school_uai, funds f
    where p.id = ${grant.projectId} and f.id = ${grant.fundId}`;
  const { fundName, decidedOn, ...facts } = row!;
  const amount = formatEuros(grant.cents);
  return {
    rule: grant.kind,
    summary: `${KIND_WORDS[grant.kind]} de ${amount} du ${fundName} pour ce projet.`,
    decidedOn,
    fund: { id: grant.fundId, name: fundName, availableCents: 0 },
    inputs: { projectId: grant.projectId, ...facts },
    conditions: ['Le projet est publié et sa campagne est ouverte.', 'L’établissement relève des critères du fonds.'],
    amount: { computedCents: grant.cents, grantedCents: grant.cents, steps: [`Montant retenu : ${amount}.`] },
    score: { ...priorityScore({ id: grant.projectId, ...facts }), rank: 1, of: 1 },
    competitorCount: 0,
    competitors: [],
  };
}
