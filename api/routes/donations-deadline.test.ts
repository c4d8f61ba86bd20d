import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';

const { db, browser } = await createTestApp();
const donor = browser();
const GIFT = { donorName: 'Camille Martin', donorEmail: 'camille.martin@example.org', failureChoice: 'refund' };

/** A published project whose campaign ended a minute ago, its outcome not recorded yet. */
async function pastItsDeadline(): Promise<number> {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 20 });
  await db`
    update projects set campaign_starts_at = now() - interval '30 days', campaign_ends_at = now() - interval '1 minute'
    where id = ${projectId}`;
  return projectId;
}

const donationCount = async (projectId: number) =>
  (await db<{ n: number }[]>`select count(*)::int as n from donations where project_id = ${projectId}`)[0]?.n;

describe('giving after the deadline', () => {
  it('is refused with a 409 in French while the campaign waits for its outcome, and records nothing', async () => {
    const projectId = await pastItsDeadline();
    const response = await donor.request('POST', '/api/donations', { ...GIFT, projectId, amountCents: 2500 });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({
      code: 'donation_refused',
      message: 'La collecte du projet « Classe de mer à Wimereux » est terminée : elle ne reçoit plus de dons.',
    });
    expect(await donationCount(projectId)).toBe(0);
  });

  it('is refused by the public donate form, whose page says the campaign is over', async () => {
    const projectId = await pastItsDeadline();
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...GIFT, amount: '25' })) form.append(name, value);
    const response = await donor.request('POST', `/projets/${projectId}/don`, form);
    const page = await response.text();
    expect(response.status).toBe(400);
    expect(page).toMatch(
      /Collecte terminée le \d+ \p{L}+ \d{4}<\/strong> : son résultat est en cours d’enregistrement\./u,
    );
    expect(page).toContain('La collecte de ce projet est terminée : il ne reçoit plus de dons.');
    expect(page).not.toContain('<form');
    expect(await donationCount(projectId)).toBe(0);
  });
});
