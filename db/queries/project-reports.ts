import type { Tx } from '../client.ts';

/** A project's latest final report as its judges read it: the text, pupils, spend against the plan, and photos. */
export interface ProjectReport {
  version: number;
  whatWasDone: string;
  pupilsReached: number;
  actualSpendCents: number;
  submittedAt: string;
  plannedCents: number;
  budgetLines: { label: string; amountCents: number }[];
  photos: { id: number; filename: string; contentType: string; imageRights: boolean }[];
}

/** The latest version of the project's final report, or undefined before one is submitted. */
export async function findLatestReport(db: Tx, projectId: number): Promise<ProjectReport | undefined> {
  const [report] = await db<Omit<ProjectReport, 'budgetLines' | 'photos' | 'plannedCents'>[]>`
    select version, what_was_done, pupils_reached, actual_spend_cents,
           to_json(submitted_at)#>>'{}' as submitted_at
    from project_reports where project_id = ${projectId}
    order by version desc limit 1`;
  if (!report) return undefined;
  const budgetLines = await db<ProjectReport['budgetLines']>`
    select label, amount_cents from project_budget_lines
    where project_id = ${projectId} order by position, id`;
  const photos = await db<ProjectReport['photos']>`
    select id, filename, content_type, image_rights from project_documents
    where project_id = ${projectId} and kind in ('photo', 'report') and content_type like 'image/%'
    order by uploaded_at, id`;
  const plannedCents = budgetLines.reduce((sum, line) => sum + line.amountCents, 0);
  return { ...report, plannedCents, budgetLines: [...budgetLines], photos: [...photos] };
}
