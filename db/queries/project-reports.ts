import type { Tx } from '../client.ts';

/** A budget line of the report: what was planned and, when the report says it, what was spent. */
export interface ReportBudgetLine {
  id: number;
  label: string;
  amountCents: number;
  spentCents: number | null;
}

/** A project's latest final report as its judges read it: the text, pupils, spend against the plan, and photos. */
export interface ProjectReport {
  version: number;
  whatWasDone: string;
  pupilsReached: number;
  actualSpendCents: number;
  shareConsent: boolean;
  submittedAt: string;
  plannedCents: number;
  budgetLines: ReportBudgetLine[];
  photos: { id: number; filename: string; contentType: string; imageRights: boolean }[];
}

/** The project's budget lines with what the report `reportId` says was spent on each (null without a report). */
export async function listReportBudgetLines(
  db: Tx,
  projectId: number,
  reportId: number | null = null,
): Promise<ReportBudgetLine[]> {
  const lines = await db<ReportBudgetLine[]>`
    select b.id, b.label, b.amount_cents, s.spent_cents
    from project_budget_lines b
    left join project_report_spend_lines s on s.budget_line_id = b.id and s.report_id = ${reportId}
    where b.project_id = ${projectId} order by b.position, b.id`;
  return [...lines];
}

/** The latest version of the project's final report, or undefined before one is submitted. */
export async function findLatestReport(db: Tx, projectId: number): Promise<ProjectReport | undefined> {
  const [report] = await db<(Omit<ProjectReport, 'budgetLines' | 'photos' | 'plannedCents'> & { id: number })[]>`
    select id, version, what_was_done, pupils_reached, actual_spend_cents, share_consent,
           to_json(submitted_at)#>>'{}' as submitted_at
    from project_reports where project_id = ${projectId}
    order by version desc limit 1`;
  if (!report) return undefined;
  const { id, ...rest } = report;
  const budgetLines = await listReportBudgetLines(db, projectId, id);
  const photos = await db<ProjectReport['photos']>`
    select id, filename, content_type, image_rights from project_documents
    where project_id = ${projectId} and kind in ('photo', 'report') and content_type like 'image/%'
    order by uploaded_at, id`;
  const plannedCents = budgetLines.reduce((sum, line) => sum + line.amountCents, 0);
  return { ...rest, plannedCents, budgetLines, photos: [...photos] };
}
