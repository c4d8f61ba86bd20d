import type { Tx } from '../client.ts';
import { orderBy, type Page, type PageRequest } from './paging.ts';

/** A guide of the resource centre, as admins edit it. */
export interface Guide {
  id: number;
  slug: string;
  title: string;
  summary: string;
  bodyMarkdown: string;
  status: 'draft' | 'published';
  publishedAt: Date | null;
  updatedAt: Date;
}

/** What an admin writes of a guide. */
export type GuideInput = Pick<Guide, 'slug' | 'title' | 'summary' | 'bodyMarkdown' | 'status'>;

const GUIDE_SORTS = { id: 'id', title: 'title', status: 'status', updatedAt: 'updated_at' } as const;
type GuideSort = keyof typeof GUIDE_SORTS;
export const GUIDE_SORT_FIELDS = Object.keys(GUIDE_SORTS) as GuideSort[];

const columns = (db: Tx) => db`id, slug, title, summary, body_markdown, status, published_at, updated_at`;

/** A page of every guide, drafts included. */
export async function listGuides(db: Tx, options: PageRequest<GuideSort>): Promise<Page<Guide>> {
  const data = await db<Guide[]>`
    select ${columns(db)} from guides ${orderBy(db, GUIDE_SORTS[options.sort], options.descending, 'id')}
    limit ${options.limit} offset ${options.offset}`;
  const [count] = await db<{ total: number }[]>`select count(*)::int as total from guides`;
  return { data, total: count?.total ?? 0 };
}

/** The guide, draft or published, or undefined. */
export async function findGuide(db: Tx, id: number): Promise<Guide | undefined> {
  const [guide] = await db<Guide[]>`select ${columns(db)} from guides where id = ${id}`;
  return guide;
}

/** True when another guide than `exceptId` has this slug. */
export async function slugTaken(db: Tx, slug: string, exceptId = 0): Promise<boolean> {
  const [row] = await db`select 1 from guides where slug = ${slug} and id <> ${exceptId}`;
  return row !== undefined;
}

/** Creates a guide; published now when its status says so. Returns its id. */
export async function insertGuide(db: Tx, guide: GuideInput, authorId: number): Promise<number> {
  const [row] = await db<{ id: number }[]>`
    insert into guides (slug, title, summary, body_markdown, status, published_at, author_id)
    values (${guide.slug}, ${guide.title}, ${guide.summary}, ${guide.bodyMarkdown}, ${guide.status},
            ${guide.status === 'published' ? db`now()` : null}, ${authorId})
    returning id`;
  return (row as { id: number }).id;
}

/** Changes a guide; publishing keeps the first publication date, unpublishing clears it. False if unknown. */
export async function updateGuide(db: Tx, id: number, guide: Partial<GuideInput>): Promise<boolean> {
  const updated = await db`
    update guides set
      slug = coalesce(${guide.slug ?? null}, slug),
      title = coalesce(${guide.title ?? null}, title),
      summary = coalesce(${guide.summary ?? null}, summary),
      body_markdown = coalesce(${guide.bodyMarkdown ?? null}, body_markdown),
      status = coalesce(${guide.status ?? null}, status),
      published_at = case coalesce(${guide.status ?? null}, status)
                       when 'published' then coalesce(published_at, now()) else null end,
      updated_at = now()
    where id = ${id}`;
  return updated.count === 1;
}

/** The published guides, newest first. */
export async function listPublishedGuides(
  db: Tx,
): Promise<Pick<Guide, 'slug' | 'title' | 'summary' | 'publishedAt'>[]> {
  return db`
    select slug, title, summary, published_at from guides where status = 'published'
    order by published_at desc, id desc`;
}

/** The published guide with this slug, or undefined (a draft is not public). */
export async function findPublishedGuide(db: Tx, slug: string): Promise<Guide | undefined> {
  const [guide] = await db<Guide[]>`select ${columns(db)} from guides where slug = ${slug} and status = 'published'`;
  return guide;
}
