import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { act, TEST_TIME_SCALE, waitForStatus } from '../../test/lifecycle.ts';
import { paidOutProjectWithBudget } from '../../test/reports.ts';

// The final report tells what was spent on each budget line; the public page shows it once the report is accepted.
const { app, db, browser } = await createTestApp({ worker: true, config: { LIFECYCLE_TIME_SCALE: TEST_TIME_SCALE } });

const text = 'Trois jours à Wimereux : pêche à pied, laisse de mer et visite du phare.';

async function signedIn(email: string) {
  const client = browser();
  expect((await client.login(email)).status).toBe(200);
  return client;
}

const reportCount = async (projectId: number) =>
  (await db`select count(*)::int as n from project_reports where project_id = ${projectId}`)[0]?.n;

describe('the final report’s spend per budget line', () => {
  it('refuses an unknown budget line, a negative amount or a missing line in French, and records nothing', async () => {
    const { id, porteur, budgetLineIds } = await paidOutProjectWithBudget(db);
    const other = await paidOutProjectWithBudget(db);
    const [car, lodging] = budgetLineIds as [number, number];
    const client = await signedIn(porteur.email);
    const post = (spendLines: object[]) =>
      act(client, id, 'report', { whatWasDone: text, pupilsReached: 23, spendLines });

    const unknown = await post([
      { budgetLineId: car, spentCents: 1 },
      { budgetLineId: other.budgetLineIds[0]!, spentCents: 1 },
    ]);
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('ce poste ne fait pas partie du budget du projet');
    const negative = await post([
      { budgetLineId: car, spentCents: -100 },
      { budgetLineId: lodging, spentCents: 100 },
    ]);
    expect(negative.status).toBe(400);
    expect(negative.body.message).toContain('une dépense ne peut pas être négative');
    const missing = await post([{ budgetLineId: car, spentCents: 100 }]);
    expect(missing.status).toBe(400);
    expect(missing.body.message).toContain('indiquez la dépense du poste « Hébergement »');
    expect(await reportCount(id)).toBe(0);
  });

  it('is shown exactly on the public page once the report is accepted, and not before', async () => {
    const { id, porteur, validateur, budgetLineIds } = await paidOutProjectWithBudget(db);
    const [car, lodging] = budgetLineIds as [number, number];
    const submitted = await act(await signedIn(porteur.email), id, 'report', {
      whatWasDone: text,
      pupilsReached: 23,
      spendLines: [
        { budgetLineId: lodging, spentCents: 41_250 },
        { budgetLineId: car, spentCents: 57_099 },
      ],
    });
    expect(submitted).toMatchObject({ status: 200, body: { status: 'report_submitted' } });
    const [row] = await db`select actual_spend_cents, share_consent from project_reports where project_id = ${id}`;
    expect(row).toEqual({ actualSpendCents: 98_349, shareConsent: false });
    const page = async () => (await (await app.request(`/projets/${id}`)).text()).replace(/[\u202f\u00a0]/g, ' ');
    expect(await page()).not.toContain('Dépenses réelles par poste');

    const judge = await signedIn(validateur.email);
    const report = await judge.getJson(`/api/projects/${id}/report`);
    expect(report.body.budgetLines).toEqual([
      { id: car, label: 'Transport en car', amountCents: 60_000, spentCents: 57_099 },
      { id: lodging, label: 'Hébergement', amountCents: 40_000, spentCents: 41_250 },
    ]);
    expect((await act(judge, id, 'report/review', { decision: 'accept' })).status).toBe(200);
    await waitForStatus(db, id, 'completed');
    const html = await page();
    expect(html).toContain('<li>Dépenses réelles : 983,49 € (budget prévu : 1 000,00 €)</li>');
    expect(html).toContain('<tr><td>Transport en car</td><td class="n">600,00 €</td><td class="n">570,99 €</td></tr>');
    expect(html).toContain('<tr><td>Hébergement</td><td class="n">400,00 €</td><td class="n">412,50 €</td></tr>');
    expect(html).toContain('<th scope="row">Total</th><td class="n">1 000,00 €</td><td class="n">983,49 €</td>');
    expect(await (await app.request('/ressources')).text()).not.toContain(`/projets/${id}#bilan`);
  });

  it('with the porteur’s consent, is shared in the resource centre once accepted', async () => {
    const { id, porteur, validateur, budgetLineIds } = await paidOutProjectWithBudget(db, { title: 'Mer partagée' });
    const spendLines = budgetLineIds.map((budgetLineId) => ({ budgetLineId, spentCents: 50_000 }));
    const body = { whatWasDone: text, pupilsReached: 23, spendLines, shareConsent: true };
    expect((await act(await signedIn(porteur.email), id, 'report', body)).status).toBe(200);
    const centre = async () => (await app.request('/ressources')).text();
    expect(await centre()).not.toContain(`/projets/${id}#bilan`);
    expect((await act(await signedIn(validateur.email), id, 'report/review', { decision: 'accept' })).status).toBe(200);
    await waitForStatus(db, id, 'completed');
    expect(await centre()).toContain(`<a href="/projets/${id}#bilan">Mer partagée</a>`);
  });
});
