import type { z } from '@hono/zod-openapi';
import type { Tx } from '../../db/client.ts';
import { listReportBudgetLines } from '../../db/queries/project-reports.ts';
import { formatEuros } from '../../domain/money.ts';
import { ApiError } from '../errors.ts';
import type { ReportBody } from '../../contracts/project-actions.ts';

type Issue = { path: (string | number)[]; message: string };

/**
 * The report as the lifecycle takes it: each spend line must be one of the project's budget lines, every line
 * given once; the total is their sum (and must equal `actualSpendCents` when both are sent). Else a French 400.
 */
export async function reportInput(db: Tx, projectId: number, body: z.infer<typeof ReportBody>) {
  if (!body.spendLines) return { ...body, actualSpendCents: body.actualSpendCents ?? 0 };
  const budget = await listReportBudgetLines(db, projectId);
  const issues: Issue[] = [];
  const seen = new Set<number>();
  body.spendLines.forEach((line, index) => {
    const path = ['spendLines', index, 'budgetLineId'];
    if (!budget.some((planned) => planned.id === line.budgetLineId)) {
      issues.push({ path, message: 'ce poste ne fait pas partie du budget du projet' });
    } else if (seen.has(line.budgetLineId)) issues.push({ path, message: 'ce poste est indiqué deux fois' });
    seen.add(line.budgetLineId);
  });
  for (const planned of budget.filter((line) => !seen.has(line.id))) {
    issues.push({ path: ['spendLines'], message: `indiquez la dépense du poste « ${planned.label} »` });
  }
  const sum = body.spendLines.reduce((total, line) => total + line.spentCents, 0);
  if (body.actualSpendCents !== undefined && body.actualSpendCents !== sum) {
    issues.push({
      path: ['actualSpendCents'],
      message: `le total (${formatEuros(body.actualSpendCents)}) diffère de la somme des postes (${formatEuros(sum)})`,
    });
  }
  if (issues.length > 0) {
    const message = `Données invalides — ${issues.map((issue) => issue.message).join(' ; ')}`;
    throw new ApiError(400, 'invalid_input', message, issues);
  }
  return { ...body, actualSpendCents: sum };
}
