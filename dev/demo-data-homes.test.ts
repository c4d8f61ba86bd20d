import { describe, expect, it } from 'vitest';
import { fundsImpact } from '../db/queries/homes/funds.ts';
import { attestationsWaiting, reviewQueue } from '../db/queries/homes/review.ts';
import { structuresHome } from '../db/queries/homes/structures.ts';
import { reviewSla } from '../domain/review-sla.ts';
import { createTestDatabase } from '../test/db.ts';
import { seedDemoData } from './demo-data.ts';

const { db } = await createTestDatabase();
await seedDemoData(db);

const scopeOf = async (email: string) => {
  const [row] = await db<{ id: number; schoolUai: string; structureId: number; fundId: number; academyCode: string }[]>`
    select u.id, r.school_uai, r.structure_id, r.fund_id, r.academy_code
    from users u join user_roles r on r.user_id = u.id where u.email = ${email}`;
  return row!;
};

describe('the demo data gives every role work on its home page', () => {
  it('a porteur whose project awaits its report, and a directeur with an attestation to give', async () => {
    const claire = await scopeOf('claire.martin@ac-lille.fr');
    const statuses = await db<{ status: string }[]>`select status from projects where porteur_id = ${claire.id}`;
    expect(statuses.map((row) => row.status)).toContain('report_due');
    const directeur = await scopeOf('philippe.durand@ac-lille.fr');
    const waiting = await attestationsWaiting(db, [directeur.schoolUai]);
    expect(waiting.map((project) => project.title)).toEqual(['Une journée au musée La Piscine']);
  });

  it('a gestionnaire with bank details awaiting validation, a payout made and receipts to validate', async () => {
    const nadia = await scopeOf('nadia.haddad@ac-lille.fr');
    const home = await structuresHome(db, [nadia.structureId]);
    expect(home.structures).toEqual([expect.objectContaining({ bankDetails: 'awaiting_validation' })]);
    // 980 € of gifts and 500 € of the funds' seeding
    expect(home.payoutsDone).toEqual({ count: 1, cents: 148_000 });
    expect(home.receiptsToValidate).toBe(2);
  });

  it('a mécène whose fund seeded and topped up several projects over past months', async () => {
    const helene = await scopeOf('helene.moreau@fondation-trousse-a-projets.fr');
    const [fund] = (await fundsImpact(db, [helene.fundId])).funds;
    expect(fund).toMatchObject({
      projectsReached: 4,
      grantedCents: 141_000,
      outcomes: { collecting: 0, funded: 2, completed: 1, failed: 1 },
    });
    expect(fund!.grantedByMonth.length).toBeGreaterThanOrEqual(3);
  });

  it('a Lille validateur with an overdue project in the queue', async () => {
    const isabelle = await scopeOf('validation.lille@trousse-a-projets.fr');
    const { queue } = await reviewQueue(db, { academyCodes: [isabelle.academyCode], reviewerId: isabelle.id });
    expect(queue.map((project) => project.title)).toEqual(['Des robots pour apprendre à coder']);
    expect(reviewSla(new Date(queue[0]!.since), new Date()).state).toBe('overdue');
  });

  it('spreads the money collected over several past months', async () => {
    const [months] = await db<{ count: number }[]>`
      select count(distinct date_trunc('month', created_at))::int as count
      from ledger_transactions where kind = 'donation_paid'`;
    expect(months!.count).toBeGreaterThanOrEqual(5);
  });
});
