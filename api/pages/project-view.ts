import type { Db } from '../../db/client.ts';
import { findPublicProject, listPublicGifts } from '../../db/queries/public-pages.ts';
import {
  findAcceptedReport,
  findCampaignClosing,
  findProjectLedger,
  listBudgetLines,
  listPublicGrants,
  listPublicNews,
} from '../../db/queries/public-project.ts';
import { publicMoneyOf } from '../../domain/public-money.ts';
import { htmlPage } from '../html.ts';
import type { FormState } from './donate-form.ts';
import { projectPage } from './project-page.ts';

/** The site's base address, without a trailing slash. */
export const siteBase = (publicUrl: string) => publicUrl.replace(/\/+$/, '');

/** The whole HTML of a project's public page (with the donate form in `form`'s state), or undefined if not public. */
export async function renderProjectPage(
  db: Db,
  options: { id: number; form: FormState; publicUrl: string; now: Date },
): Promise<string | undefined> {
  const { id } = options;
  const project = await findPublicProject(db, id);
  if (!project) return undefined;
  const [ledger, closing, grants, budget, news, report, gifts] = await Promise.all([
    findProjectLedger(db, id),
    findCampaignClosing(db, id),
    listPublicGrants(db, id),
    listBudgetLines(db, id),
    listPublicNews(db, id),
    findAcceptedReport(db, id),
    listPublicGifts(db, id),
  ]);
  const url = `${siteBase(options.publicUrl)}/projets/${id}`;
  const body = projectPage(project, {
    money: publicMoneyOf(ledger, project.status),
    closing,
    grants,
    budget,
    news,
    report,
    gifts,
    form: options.form,
    url,
    now: options.now,
  });
  return htmlPage(project.title, body, {
    url,
    description: project.summary || project.title,
    image: `${url}/image`,
    type: 'article',
  });
}
