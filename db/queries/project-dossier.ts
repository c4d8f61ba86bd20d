import type { DocumentKind } from '../../domain/documents.ts';
import type { ProjectStatus } from '../../domain/project-status.ts';
import type { PriorityEducation } from '../../domain/schools.ts';
import type { Tx } from '../client.ts';

/** Everything a validator reads before deciding, beyond the list's columns. */
export interface ProjectDossier {
  id: number;
  description: string;
  levels: string[];
  pupilCount: number;
  activityStartsOn: string;
  activityEndsOn: string;
  campaignDays: number;
  campaignStartsAt: Date | null;
  minimumGoalException: boolean;
  structureId: number | null;
  structureName: string | null;
  gestionnaireEmail: string | null;
  school: {
    uai: string;
    name: string;
    commune: string;
    priorityEducation: PriorityEducation;
    rural: boolean;
    ips: number | null;
  };
  budgetLines: { label: string; amountCents: number }[];
  documents: { id: number; kind: DocumentKind; filename: string; imageRights: boolean; uploadedAt: string }[];
  /** the porteur's other projects, newest first, and where each ended */
  porteurHistory: { id: number; title: string; status: ProjectStatus; createdAt: string }[];
  news: { id: number; title: string; body: string; createdAt: string }[];
}

/** The dossier of a project, or undefined. */
export async function findProjectDossier(db: Tx, id: number): Promise<ProjectDossier | undefined> {
  const [row] = await db<ProjectDossier[]>`
    select p.id, p.description, p.levels, p.pupil_count, p.activity_starts_on::text, p.activity_ends_on::text,
           p.campaign_days, p.campaign_starts_at, p.minimum_goal_exception, p.structure_id,
           r.legal_name as structure_name, p.gestionnaire_email::text,
           json_build_object('uai', s.uai, 'name', s.name, 'commune', s.commune,
                             'priorityEducation', s.priority_education, 'rural', s.rural, 'ips', s.ips::float8) as school,
           coalesce((select json_agg(json_build_object('label', b.label, 'amountCents', b.amount_cents) order by b.position)
                     from project_budget_lines b where b.project_id = p.id), '[]') as budget_lines,
           coalesce((select json_agg(json_build_object('id', d.id, 'kind', d.kind, 'filename', d.filename,
                                                       'imageRights', d.image_rights, 'uploadedAt', d.uploaded_at)
                                     order by d.id)
                     from project_documents d where d.project_id = p.id), '[]') as documents,
           coalesce((select json_agg(json_build_object('id', o.id, 'title', o.title, 'status', o.status,
                                                       'createdAt', o.created_at) order by o.id desc)
                     from projects o where o.porteur_id = p.porteur_id and o.id <> p.id), '[]') as porteur_history,
           coalesce((select json_agg(json_build_object('id', n.id, 'title', n.title, 'body', n.body,
                                                       'createdAt', n.created_at) order by n.id desc)
                     from project_news n where n.project_id = p.id), '[]') as news
    from projects p join schools s on s.uai = p.school_uai left join receiving_structures r on r.id = p.structure_id
    where p.id = ${id}`;
  return row;
}

/** Records a porteur's news about their project; returns its id. */
export async function insertProjectNews(
  db: Tx,
  news: { projectId: number; authorId: number; title: string; body: string },
): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into project_news (project_id, author_id, title, body)
    values (${news.projectId}, ${news.authorId}, ${news.title}, ${news.body}) returning id`;
  return (row as { id: number }).id;
}
