import type { ProjectLedger } from '../../domain/public-money.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type { Tx } from '../client.ts';
import { listReportBudgetLines, type ReportBudgetLine } from './project-reports.ts';

type GrantKey = 'reservedGrantCents' | 'committedGrantCents' | 'releasedGrantCents';

/** The project's account in the ledger, by kind of movement, and its grants by state. */
export async function findProjectLedger(db: Tx, projectId: number): Promise<ProjectLedger> {
  const sumOf = (kind: string, sign = 1) =>
    db`(${sign} * coalesce(sum(l.amount_cents) filter (where t.kind = ${kind}), 0))::bigint`;
  const [lines] = await db<Omit<ProjectLedger, GrantKey>[]>`
    select ${sumOf('donation_paid')} as gift_cents, ${sumOf('donation_refunded', -1)} as refunded_cents,
           ${sumOf('donation_disputed', -1)} as disputed_cents, ${sumOf('donation_redirected', -1)} as redirected_cents,
           ${sumOf('payout', -1)} as paid_out_cents
    from ledger_accounts a join ledger_lines l on l.account_id = a.id join ledger_transactions t on t.id = l.transaction_id
    where a.code = ${`project:${projectId}`}`;
  const [grants] = await db<Pick<ProjectLedger, GrantKey>[]>`
    select coalesce(sum(amount_cents) filter (where status = 'reserved'), 0)::bigint as reserved_grant_cents,
           coalesce(sum(amount_cents) filter (where status = 'committed'), 0)::bigint as committed_grant_cents,
           coalesce(sum(amount_cents) filter (where status = 'released'), 0)::bigint as released_grant_cents
    from grants where project_id = ${projectId}`;
  return { ...lines!, ...grants! };
}

/** How the campaign ended: the first step out of collecting, when, and the comment (a cancellation's reason). */
export interface CampaignClosing {
  toStatus: ProjectStatus;
  at: Date;
  comment: string | null;
}

/** The campaign's closing step, or undefined while it collects. */
export async function findCampaignClosing(db: Tx, projectId: number): Promise<CampaignClosing | undefined> {
  const [row] = await db<CampaignClosing[]>`
    select to_status, at, comment from project_status_history
    where project_id = ${projectId} and from_status = 'published' order by at, id limit 1`;
  return row;
}

/** A fund's grant to a project, with the fund's public explanation. */
export interface PublicGrant {
  kind: 'seeding' | 'topup';
  status: 'reserved' | 'committed' | 'released';
  amountCents: number;
  fundName: string;
  sponsorName: string;
  summary: string;
  conditions: string[];
}

/** The project's grants, oldest first. */
export async function listPublicGrants(db: Tx, projectId: number): Promise<PublicGrant[]> {
  return db<PublicGrant[]>`
    select g.kind, g.status, g.amount_cents, f.name as fund_name, f.sponsor_name,
           coalesce(g.explanation ->> 'summary', '') as summary,
           coalesce(array(select jsonb_array_elements_text(g.explanation -> 'conditions')), '{}') as conditions
    from grants g join funds f on f.id = g.fund_id where g.project_id = ${projectId} order by g.id`;
}

/** The project's budget lines, in order. */
export async function listBudgetLines(db: Tx, projectId: number): Promise<{ label: string; amountCents: number }[]> {
  return db<{ label: string; amountCents: number }[]>`
    select label, amount_cents from project_budget_lines where project_id = ${projectId} order by position`;
}

/** A news item of the project's journal. */
export interface PublicNews {
  id: number;
  title: string;
  body: string;
  createdAt: Date;
}

/** The project's news, newest first. */
export async function listPublicNews(db: Tx, projectId: number, limit = 20): Promise<PublicNews[]> {
  return db<PublicNews[]>`
    select id, title, body, created_at from project_news where project_id = ${projectId}
    order by created_at desc, id desc limit ${limit}`;
}

/** The final report as accepted (its latest version, once the project is completed). */
export interface PublicReport {
  whatWasDone: string;
  pupilsReached: number;
  actualSpendCents: number;
  submittedAt: Date;
  /** the budget lines, each with what was spent on it (empty for a report without spend per line) */
  spendLines: ReportBudgetLine[];
  /** the report's photos shown publicly (served at `/projets/<id>/bilan/photos/<photo id>`) */
  photoIds: number[];
}

/** The accepted final report, or undefined while none is accepted. */
export async function findAcceptedReport(db: Tx, projectId: number): Promise<PublicReport | undefined> {
  const [report] = await db<(Omit<PublicReport, 'spendLines'> & { id: number })[]>`
    select r.id, r.what_was_done, r.pupils_reached, r.actual_spend_cents, r.submitted_at
    from project_reports r join projects p on p.id = r.project_id and p.status = 'completed'
    where r.project_id = ${projectId} order by r.version desc limit 1`;
  if (!report) return undefined;
  const { id, ...rest } = report;
  const [lines, photos] = await Promise.all([
    listReportBudgetLines(db, projectId, id),
    db<{ id: number }[]>`select d.id from project_documents d where ${reportPhotoOf(db, projectId)}
                         order by d.uploaded_at, d.id limit ${REPORT_PHOTOS_SHOWN}`,
  ]);
  return {
    ...rest,
    spendLines: lines.some((line) => line.spentCents !== null) ? lines : [],
    photoIds: photos.map((photo) => photo.id),
  };
}

const REPORT_PHOTOS_SHOWN = 12;

/** A document `d` shown with the accepted report: an image of the completed project, with the pupils' image rights. */
const reportPhotoOf = (db: Tx, projectId: number) => db`
  d.project_id = ${projectId} and d.kind in ('photo', 'report') and d.image_rights and d.content_type like 'image/%'
  and exists (select 1 from projects p where p.id = d.project_id and p.status = 'completed')
  and exists (select 1 from project_reports r where r.project_id = d.project_id)`;

/** A photo of the project's accepted final report with its content, or undefined (no such photo, or no accepted report). */
export async function findPublicReportPhoto(
  db: Tx,
  projectId: number,
  photoId: number,
): Promise<{ contentType: string; content: Buffer } | undefined> {
  const [photo] = await db<{ contentType: string; content: Buffer }[]>`
    select d.content_type, d.content from project_documents d where d.id = ${photoId} and ${reportPhotoOf(db, projectId)}`;
  return photo;
}

/** The first photo the porteur uploaded with the pupils' image rights, or undefined. */
export async function findPublicPhoto(
  db: Tx,
  projectId: number,
): Promise<{ contentType: string; content: Buffer } | undefined> {
  const [photo] = await db<{ contentType: string; content: Buffer }[]>`
    select content_type, content from project_documents
    where project_id = ${projectId} and kind = 'photo' and image_rights and content_type like 'image/%'
    order by id limit 1`;
  return photo;
}
