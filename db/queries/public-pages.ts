import { BEFORE_PUBLICATION, type ProjectStatus } from '../../domain/project-status.ts';
import type { Theme } from '../../domain/projects.ts';
import type { PriorityEducation } from '../../domain/schools.ts';
import type { Tx } from '../client.ts';

/** A project as its public page shows it (money apart: see findProjectLedger). */
export interface PublicProject {
  id: number;
  title: string;
  summary: string;
  description: string;
  status: ProjectStatus;
  theme: Theme;
  levels: string[];
  pupilCount: number;
  schoolName: string;
  commune: string;
  departement: string;
  academyName: string;
  priorityEducation: PriorityEducation;
  rural: boolean;
  structureName: string | null;
  minimumGoalCents: number;
  optimumGoalCents: number;
  donorCount: number;
  /** a photo with the pupils' image rights exists (else the theme's picture stands in) */
  hasPhoto: boolean;
  campaignStartsAt: Date | null;
  campaignEndsAt: Date | null;
  activityStartsOn: string;
  activityEndsOn: string;
}

/** A project whose campaign has opened (drafts and projects under review are not public), or undefined. */
export async function findPublicProject(db: Tx, id: number): Promise<PublicProject | undefined> {
  const [project] = await db<PublicProject[]>`
    select p.id, p.title, p.summary, p.description, p.status, p.theme, p.levels, p.pupil_count,
           s.name as school_name, s.commune, s.departement, a.name as academy_name, s.priority_education, s.rural,
           r.legal_name as structure_name, p.minimum_goal_cents, p.optimum_goal_cents,
           (select count(distinct d.donor_email) from donations d
            where d.project_id = p.id and d.status in ('paid', 'redirected', 'refund_requested', 'refunded'))::int
             as donor_count,
           exists(select 1 from project_documents o where o.project_id = p.id and o.kind = 'photo' and o.image_rights
                  and o.content_type like 'image/%') as has_photo,
           p.campaign_starts_at, p.campaign_ends_at, p.activity_starts_on::text, p.activity_ends_on::text
    from projects p join schools s on s.uai = p.school_uai join academies a on a.code = s.academy_code
    left join receiving_structures r on r.id = p.structure_id
    where p.id = ${id} and p.status <> all(${BEFORE_PUBLICATION})`;
  return project;
}

/** A paid gift as the public may see it: the name and amount only where the donor did not hide them. */
export interface PublicGift {
  name: string | null;
  amountCents: number | null;
  paidAt: Date;
}

/** The project's latest paid gifts, newest first, hidden names and amounts left out. */
export async function listPublicGifts(db: Tx, projectId: number, limit = 20): Promise<PublicGift[]> {
  return db<PublicGift[]>`
    select case when hide_name then null else donor_name end as name,
           case when hide_amount then null else amount_cents end as amount_cents, paid_at
    from donations where project_id = ${projectId} and status in ('paid', 'redirected', 'refund_requested', 'refunded')
    order by paid_at desc, id desc limit ${limit}`;
}

/** A donation as its donor's "manage my gift" page shows it. */
export interface DonorGift {
  id: number;
  amountCents: number;
  status: string;
  failureChoice: 'refund' | 'redirect';
  choiceMadeAt: Date | null;
  donorName: string;
  projectId: number | null;
  projectStatus: ProjectStatus | null;
  supported: string;
}

/** The gift behind a signed "manage my gift" link, or undefined. */
export async function findDonorGift(db: Tx, donationId: number): Promise<DonorGift | undefined> {
  const [gift] = await db<DonorGift[]>`
    select d.id, d.amount_cents, d.status, d.failure_choice, d.choice_made_at, d.donor_name, d.project_id,
           p.status as project_status, coalesce(p.title, f.name) as supported
    from donations d left join projects p on p.id = d.project_id left join funds f on f.id = d.fund_id
    where d.id = ${donationId}`;
  return gift;
}

/** Records the donor's choice for a failed campaign; false when the gift is no longer paid (already resolved). */
export async function recordDonorChoice(db: Tx, donationId: number, choice: 'refund' | 'redirect'): Promise<boolean> {
  const updated = await db`
    update donations set failure_choice = ${choice}, choice_made_at = clock_timestamp()
    where id = ${donationId} and status = 'paid' and project_id is not null`;
  return updated.count === 1;
}
