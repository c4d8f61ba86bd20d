import { describe, expect, it } from 'vitest';
import { accounts, postMovement } from '../../db/queries/ledger.ts';
import { reviewSla } from '../../domain/review-sla.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { signIn } from '../../test/lifecycle.ts';
import { insertReceivingStructure, insertSolidarityFund, recordPaidDonation } from '../../test/money.ts';

const { db, browser } = await createTestApp();
const schoolUai = await insertSchool(db, { name: 'École Jean Jaurès' });
const otherUai = await insertSchool(db, { name: 'École Condorcet' });
const porteur = await insertUser(db, 'porteur');
const draft = (uai = schoolUai) => insertProject(db, { schoolUai: uai, porteurId: porteur.id });
const setStatus = (id: number, status: string, daysAgo = 0) =>
  db`update projects set status = ${status}, status_changed_at = now() - make_interval(days => ${daysAgo})
     where id = ${id}`;
const structureOf = (projectId: number) => insertReceivingStructure(db, { projectId });
const month = () => new Date().toISOString().slice(0, 7);

const post = (kind: string, key: string, from: ReturnType<typeof accounts.refunds>, to: typeof from, cents: number) =>
  db.begin((tx) =>
    postMovement(tx, {
      kind,
      idempotencyKey: key,
      description: key,
      lines: [
        { account: from, amountCents: -cents },
        { account: to, amountCents: cents },
      ],
    }),
  );

describe('the administrator’s home', () => {
  it('sums the money collected, paid out and refunded, counts projects by status, stuck projects and open anomalies', async () => {
    const paid = await draft();
    await setStatus(paid, 'paid_out');
    const stuck = await draft();
    await recordPaidDonation(db, { projectId: paid, amountCents: 12_000 });
    const refundedGift = await recordPaidDonation(db, { projectId: stuck, amountCents: 3_000 });
    await post('donation_refunded', `refund-${refundedGift}`, accounts.project(stuck), accounts.refunds(), 3_000);
    const structureId = await insertReceivingStructure(db, { projectId: paid });
    const payable = accounts.structurePayable(structureId);
    await post('payout_recorded', 'payout-recorded', accounts.project(paid), payable, 12_000);
    await post('payout_confirmed', 'payout-confirmed', payable, accounts.structurePaid(structureId), 12_000);
    for (const [key, resolved] of [
      ['a', false],
      ['b', false],
      ['c', true],
    ] as const) {
      await db`insert into lifecycle_incidents (project_id, incident_key, step, message, resolved_at)
               values (${stuck}, ${key}, 'recordPayout', 'échec', ${resolved ? db`now()` : null})`;
    }
    await db`insert into payment_anomalies (kind, message) values ('amount_mismatch', 'écart')`;
    await db`insert into payment_anomalies (kind, message, resolved_at) values ('dispute', 'litige', now())`;

    const admin = await signIn({ db, browser }, 'admin');
    const { status, body } = await admin.client.getJson('/api/home/admin');
    expect(status).toBe(200);
    expect(body).toEqual({
      collectedCents: 15_000,
      paidOutCents: 12_000,
      refundedCents: 3_000,
      projectsByStatus: [
        { status: 'draft', count: 1 },
        { status: 'paid_out', count: 1 },
      ],
      stuckProjects: 1,
      openAnomalies: 1,
    });
  });

  it('is refused to every other role', async () => {
    const validateur = await signIn({ db, browser }, 'validateur');
    const refused = await validateur.client.request('GET', '/api/home/admin');
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ message: 'Votre rôle ne permet pas cette action.' });
  });
});

describe('the signed-in user’s roles', () => {
  it('name their school, structure and fund, for the role chips', async () => {
    const projectId = await draft();
    const structureId = await insertReceivingStructure(db, { projectId, legalName: 'Coopérative scolaire Jaurès' });
    const fundId = await insertSolidarityFund(db);
    const directeur = await signIn({ db, browser }, 'directeur', { schoolUai });
    await db`insert into user_roles (user_id, role, structure_id) values (${directeur.id}, 'gestionnaire', ${structureId})`;
    await db`insert into user_roles (user_id, role, fund_id) values (${directeur.id}, 'mecene', ${fundId})`;
    const { body } = await directeur.client.getJson('/api/me');
    expect(body.roles).toEqual([
      expect.objectContaining({ role: 'directeur', schoolName: 'École Jean Jaurès', structureName: null }),
      expect.objectContaining({ role: 'gestionnaire', structureName: 'Coopérative scolaire Jaurès', schoolName: null }),
      expect.objectContaining({ role: 'mecene', fundName: 'Fonds de solidarité' }),
    ]);
  });
});

describe('the directeur’s home', () => {
  it('lists the attestations waiting at their school only, oldest first', async () => {
    const older = await draft();
    const newer = await draft();
    const elsewhere = await draft(otherUai);
    await setStatus(older, 'awaiting_attestation', 3);
    await setStatus(newer, 'awaiting_attestation', 1);
    await setStatus(elsewhere, 'awaiting_attestation', 5);
    const directeur = await signIn({ db, browser }, 'directeur', { schoolUai });
    const { status, body } = await directeur.client.getJson('/api/home/directeur');
    expect(status).toBe(200);
    expect(body.attestations).toEqual(
      [older, newer].map((id) => ({
        id,
        title: 'Classe de mer à Wimereux',
        schoolName: 'École Jean Jaurès',
        status: 'awaiting_attestation',
        since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      })),
    );
    const other = await signIn({ db, browser }, 'porteur');
    expect((await other.client.request('GET', '/api/home/directeur')).status).toBe(403);
  });
});

describe('the gestionnaire’s home', () => {
  it('shows their structures’ bank details, receipts to validate and payouts, never another structure’s', async () => {
    const [waiting, paid, coming, foreign] = [await draft(), await draft(), await draft(), await draft(otherUai)];
    const awaiting = await insertReceivingStructure(db, {
      projectId: waiting,
      bankDetailsValidated: false,
      legalName: 'Coopérative A',
    });
    const validated = await insertReceivingStructure(db, { projectId: paid, legalName: 'Coopérative B' });
    await db`update projects set structure_id = ${validated} where id = ${coming}`;
    const other = await insertReceivingStructure(db, { projectId: foreign, legalName: 'Coopérative C' });
    await db`update receiving_structures set iban = null, bic = null where id = ${other}`;
    await setStatus(waiting, 'payout_pending');
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId: awaiting });
    await db`insert into user_roles (user_id, role, structure_id) values (${gestionnaire.id}, 'gestionnaire', ${validated})`;
    const [batch] = await db<{ id: number }[]>`
      insert into payout_batches (message_id, payout_count, total_cents, requested_execution_date, file, created_by)
      values ('MSG-1', 2, 90000, current_date, '<xml/>', ${gestionnaire.id}) returning id`;
    await db`insert into payouts (project_id, structure_id, amount_cents, status, batch_id, confirmed_at)
             values (${paid}, ${validated}, 70000, 'confirmed', ${batch!.id}, now() - interval '2 days')`;
    await db`insert into payouts (project_id, structure_id, amount_cents) values (${coming}, ${validated}, 25000)`;
    await db`insert into payouts (project_id, structure_id, amount_cents, status, batch_id)
             values (${foreign}, ${other}, 20000, 'exported', ${batch!.id})`;
    const gift = await recordPaidDonation(db, { projectId: paid, amountCents: 5_000 });
    const foreignGift = await recordPaidDonation(db, { projectId: foreign, amountCents: 5_000 });
    await db`insert into tax_receipts (donation_id, structure_id, amount_cents)
             values (${gift}, ${validated}, 5000), (${foreignGift}, ${other}, 5000)`;

    const { status, body } = await gestionnaire.client.getJson('/api/home/gestionnaire');
    expect(status).toBe(200);
    expect(body).toEqual({
      structures: [
        {
          id: awaiting,
          legalName: 'Coopérative A',
          schoolName: 'École Jean Jaurès',
          bankDetails: 'awaiting_validation',
        },
        { id: validated, legalName: 'Coopérative B', schoolName: 'École Jean Jaurès', bankDetails: 'validated' },
      ],
      projectsAwaitingBankDetails: 1,
      receiptsToValidate: 1,
      payoutsComing: { count: 1, cents: 25_000 },
      payoutsDone: { count: 1, cents: 70_000 },
      payouts: [
        expect.objectContaining({ projectTitle: 'Classe de mer à Wimereux', amountCents: 25_000, status: 'recorded' }),
        expect.objectContaining({ amountCents: 70_000, status: 'confirmed' }),
      ],
    });
    const otherGestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId: other });
    const theirs = await otherGestionnaire.client.getJson('/api/home/gestionnaire');
    expect(theirs.body.structures).toEqual([expect.objectContaining({ id: other, bankDetails: 'missing' })]);
    expect(theirs.body.payoutsComing).toEqual({ count: 1, cents: 20_000 });
    expect(theirs.body.receiptsToValidate).toBe(1);
    const validateur = await signIn({ db, browser }, 'validateur');
    expect((await validateur.client.request('GET', '/api/home/gestionnaire')).status).toBe(403);
  });
});

describe('the mécène’s home', () => {
  it('measures their fund’s impact: projects, pupils, money granted, the share to priority schools, outcomes', async () => {
    const ordinaryUai = await insertSchool(db, { name: 'École du Centre' });
    await db`update schools set priority_education = 'none', rural = false where uai = ${ordinaryUai}`;
    const [completed, collecting, failed, foreign] = [
      await draft(),
      await draft(ordinaryUai),
      await draft(),
      await draft(),
    ];
    await setStatus(completed, 'completed');
    await setStatus(collecting, 'published');
    await setStatus(failed, 'failed');
    const fundId = await insertSolidarityFund(db);
    const otherFund = await insertSolidarityFund(db);
    const grant = (fund: number, project: number, cents: number, status: string) =>
      db`insert into grants (fund_id, project_id, kind, amount_cents, status, explanation)
         values (${fund}, ${project}, 'seeding', ${cents}, ${status}, '{}')`;
    await grant(fundId, completed, 60_000, 'committed');
    await grant(fundId, collecting, 20_000, 'reserved');
    await grant(fundId, failed, 50_000, 'released');
    await grant(otherFund, foreign, 10_000, 'committed');

    const mecene = await signIn({ db, browser }, 'mecene', { fundId });
    const { status, body } = await mecene.client.getJson('/api/home/mecene');
    expect(status).toBe(200);
    expect(body).toEqual({
      funds: [
        {
          id: fundId,
          name: 'Fonds de solidarité',
          budgetCents: 0,
          projectsReached: 3,
          pupils: 48,
          grantedCents: 80_000,
          priorityGrantedCents: 60_000,
          grantedByMonth: [{ month: month(), cents: 80_000 }],
          outcomes: { collecting: 1, funded: 0, completed: 1, failed: 1 },
        },
      ],
    });
    const gestionnaire = await signIn({ db, browser }, 'gestionnaire', { structureId: await structureOf(completed) });
    expect((await gestionnaire.client.request('GET', '/api/home/mecene')).status).toBe(403);
  });
});

describe('the validateur’s home', () => {
  it('lists the submitted projects of their académie, oldest first, against the 5-working-day SLA', async () => {
    await db`insert into academies (code, name, pilot_enabled) values ('amiens', 'Amiens', true) on conflict do nothing`;
    await db`
      insert into schools (uai, name, kind, degree, academy_code, departement, commune, sector)
      values ('0800001S', 'École d’Amiens', 'ecole_elementaire', 'premier', 'amiens', '80', 'Amiens', 'public')
      on conflict do nothing`;
    const validateur = await signIn({ db, browser }, 'validateur', { academyCode: 'lille' });
    const [late, middle, fresh, amiens, own, report] = [
      await draft(),
      await draft(),
      await draft(),
      await draft('0800001S'),
      await insertProject(db, { schoolUai, porteurId: validateur.id }),
      await draft(),
    ];
    await setStatus(late, 'submitted', 30);
    await setStatus(middle, 'submitted', 6);
    await setStatus(fresh, 'submitted', 0);
    await setStatus(amiens, 'submitted', 40);
    await setStatus(own, 'submitted', 35);
    await setStatus(report, 'report_submitted', 2);

    const { status, body } = await validateur.client.getJson('/api/home/validateur');
    expect(status).toBe(200);
    expect(body.queue.map((project: { id: number }) => project.id)).toEqual([late, middle, fresh]);
    expect(body.queue[0]).toMatchObject({ sla: 'overdue', schoolName: 'École Jean Jaurès' });
    expect(body.queue[0].workingDaysWaited).toBeGreaterThanOrEqual(19);
    const middleSla = reviewSla(new Date(body.queue[1].since), new Date());
    expect(body.queue[1]).toMatchObject({ sla: middleSla.state, workingDaysLeft: middleSla.workingDaysLeft });
    expect(body.queue[2]).toMatchObject({ sla: 'on_time', workingDaysWaited: 0, workingDaysLeft: 5 });
    expect(body.overdue).toBe(1 + (middleSla.state === 'overdue' ? 1 : 0));
    expect(body.dueSoon).toBe(middleSla.state === 'due_soon' ? 1 : 0);
    expect(body.reportsToReview).toBe(1);

    const everywhere = await signIn({ db, browser }, 'validateur');
    const all = await everywhere.client.getJson('/api/home/validateur');
    expect(all.body.queue.map((project: { id: number }) => project.id)).toEqual([amiens, own, late, middle, fresh]);
    const directeur = await signIn({ db, browser }, 'directeur', { schoolUai });
    expect((await directeur.client.request('GET', '/api/home/validateur')).status).toBe(403);
  });
});
