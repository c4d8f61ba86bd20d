import { describe, expect, it } from 'vitest';
import { createPaymentActivities } from '../../activities/payments.ts';
import { accounts, postMovement } from '../../db/queries/ledger.ts';
import { formatEuros } from '../../domain/money.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject } from '../../test/fixtures.ts';
import { insertFund, insertFundPorteur, insertFundSchool } from '../../test/funds.ts';
import { insertReceivingStructure, insertSolidarityFund, recordPaidDonation } from '../../test/money.ts';
import { closeCampaign, refundGift, reserveGrant, settleGrant } from '../../test/public-site.ts';

// The transparency figures come from the ledger: each one is checked against the scenario and against the ledger.
const { app, db, stripe } = await createTestApp();
const payments = createPaymentActivities({ db, stripe });

const porteur = await insertFundPorteur(db);
const solidarity = await insertSolidarityFund(db);
const fund = await insertFund(db);
const lilleRepPlus = await insertFundSchool(db, { priorityEducation: 'rep_plus' });
const lille = await insertFundSchool(db);
const montpellier = await insertFundSchool(db, { academy: 'montpellier' });
await db`update academies set name = 'Lille' where code = 'lille'`;
await db`update academies set name = 'Montpellier' where code = 'montpellier'`;
const project = (schoolUai: string) =>
  insertProject(db, { schoolUai, porteurId: porteur, campaignEndsInDays: 10, minimumGoalCents: 100_000 });

// Lille, REP+: 1 000 € of gifts and a 200 € grant, paid out
const paidOut = await project(lilleRepPlus);
await recordPaidDonation(db, { projectId: paidOut, amountCents: 100_000 });
const committed = await reserveGrant(db, { fundId: fund, projectId: paidOut, kind: 'topup', amountCents: 20_000 });
await closeCampaign(db, paidOut, { to: 'succeeded', at: new Date().toISOString(), then: 'paid_out' });
await settleGrant(db, committed, 'committed');
await insertReceivingStructure(db, { projectId: paidOut });
await payments.recordPayout({ projectId: paidOut });
// Lille, ordinary school: collecting with 70 € of gifts and an 80 € seeding
const collecting = await project(lille);
await recordPaidDonation(db, { projectId: collecting, amountCents: 7_000 });
await reserveGrant(db, { fundId: fund, projectId: collecting, kind: 'seeding', amountCents: 8_000 });
// Montpellier: failed, 300 € refunded, 100 € redirected, its 50 € seeding released
const failed = await project(montpellier);
const refunded = await recordPaidDonation(db, { projectId: failed, amountCents: 30_000 });
const redirected = await recordPaidDonation(db, { projectId: failed, amountCents: 10_000 });
const released = await reserveGrant(db, { fundId: fund, projectId: failed, kind: 'seeding', amountCents: 5_000 });
await closeCampaign(db, failed, { to: 'failed', at: new Date().toISOString(), then: 'closed' });
await settleGrant(db, released, 'released');
await refundGift(db, refunded);
await payments.redirectDonation({ donationId: redirected });
// Lille, last school year: succeeded without money
const lastYear = await project(lille);
await db`update projects set status = 'completed', campaign_starts_at = campaign_starts_at - interval '1 year',
         campaign_ends_at = campaign_ends_at - interval '1 year' where id = ${lastYear}`;
// a 25 € gift to the solidarity fund
await db.begin(async (tx) => {
  const [gift] = await tx<{ id: number }[]>`
    insert into donations (fund_id, amount_cents, donor_name, donor_email, status, paid_at)
    values (${solidarity}, 2500, 'Lina', 'lina@example.org', 'paid', now()) returning id`;
  await postMovement(tx, {
    kind: 'donation_paid',
    idempotencyKey: `donation-paid-${gift!.id}`,
    description: 'Don au fonds',
    donationId: gift!.id,
    lines: [
      { account: accounts.stripeClearing(), amountCents: -2500 },
      { account: accounts.fundAvailable(solidarity), amountCents: 2500 },
    ],
  });
});

const [{ year } = { year: 0 }] = await db<{ year: number }[]>`
  select extract(year from now() at time zone 'Europe/Paris' - interval '8 months')::int as year`;
const thisYear = `${year}-${year + 1}`;
const previousYear = `${year - 1}-${year}`;

describe('the transparency figures', () => {
  it('are published as open data, one line per school year and académie', async () => {
    const response = await app.request('http://localhost/transparence.csv');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).split('\r\n')).toEqual([
      'annee_scolaire;academie;projets_reussis;projets_echoues;taux_de_reussite_pct;collecte_eur;verse_aux_ecoles_eur;rembourse_eur;reoriente_eur;mecenat_eur;mecenat_ecoles_prioritaires_eur;part_prioritaire_pct',
      `${thisYear};Lille;1;0;100,0;1070,00;1200,00;0,00;0,00;280,00;200,00;71,4`,
      `${thisYear};Montpellier;0;1;0,0;400,00;0,00;300,00;100,00;0,00;0,00;`,
      `${previousYear};Lille;1;0;100,0;0,00;0,00;0,00;0,00;0,00;0,00;`,
      '',
    ]);
  });

  it('add up on the page to what the ledger holds', async () => {
    const html = (await (await app.request('http://localhost/transparence')).text()).replace(/[\u202f\u00a0]/g, ' ');
    const [ledger] = await db<
      { collected: number; toFunds: number; paidOut: number; refunded: number; redirected: number }[]
    >`
      select (select -coalesce(sum(l.amount_cents), 0) from ledger_lines l join ledger_accounts a on a.id = l.account_id
              where a.kind = 'stripe_clearing')::bigint as collected,
             (select coalesce(sum(l.amount_cents), 0) from ledger_lines l join ledger_accounts a on a.id = l.account_id
              join ledger_transactions t on t.id = l.transaction_id
              where a.kind = 'fund_available' and t.kind = 'donation_paid')::bigint as to_funds,
             (select coalesce(sum(l.amount_cents), 0) from ledger_lines l join ledger_accounts a on a.id = l.account_id
              where a.kind in ('structure_payable', 'structure_paid'))::bigint as paid_out,
             (select coalesce(sum(l.amount_cents), 0) from ledger_lines l join ledger_accounts a on a.id = l.account_id
              where a.kind = 'refunds')::bigint as refunded,
             (select coalesce(sum(l.amount_cents), 0) from ledger_lines l join ledger_transactions t on t.id = l.transaction_id
              join ledger_accounts a on a.id = l.account_id
              where t.kind = 'donation_redirected' and a.kind = 'fund_available')::bigint as redirected`;
    expect(ledger).toEqual({
      collected: 149_500,
      toFunds: 2_500,
      paidOut: 120_000,
      refunded: 30_000,
      redirected: 10_000,
    });
    expect(html).toContain('<li><strong>1 470,00 €</strong> donnés aux projets</li>');
    expect(html).toContain('<li><strong>25,00 €</strong> donnés aux fonds de solidarité</li>');
    expect(html).toContain('<li><strong>1 200,00 €</strong> versés aux écoles</li>');
    expect(html).toContain('<li><strong>300,00 €</strong> remboursés aux donateurs</li>');
    expect(html).toContain('<li><strong>100,00 €</strong> réorientés vers le fonds de solidarité</li>');
    expect(html).toContain('<strong>66,7 %</strong> de projets réussis (2 sur 3 collectes terminées)');
    expect(html).toContain(
      '<strong>71,4 %</strong> du mécénat (200,00 € sur 280,00 €) aux écoles REP+, REP ou rurales',
    );
  });

  it('shows in its table, for each académie, the CSV’s figures, each the sum of its projects’ ledger lines', async () => {
    const ledger = await db<
      { academy: string; collected: number; paidOut: number; refunded: number; redirected: number; granted: number }[]
    >`
      select c.name as academy,
             coalesce(sum(l.amount_cents) filter (where a.kind = 'project' and t.kind = 'donation_paid'), 0)::int
               as collected,
             coalesce(-sum(l.amount_cents) filter (where a.kind = 'project' and t.kind = 'payout'), 0)::int as paid_out,
             coalesce(-sum(l.amount_cents) filter (where a.kind = 'project' and t.kind = 'donation_refunded'), 0)::int
               as refunded,
             coalesce(-sum(l.amount_cents) filter (where a.kind = 'project' and t.kind = 'donation_redirected'), 0)::int
               as redirected,
             coalesce(sum(l.amount_cents) filter (where (a.kind = 'project' and t.kind = 'grant_committed')
                                                   or a.kind = 'fund_reserved'), 0)::int as granted
      from ledger_lines l join ledger_accounts a on a.id = l.account_id
      join ledger_transactions t on t.id = l.transaction_id
      left join grants g on g.id = t.grant_id
      join projects p on p.id = coalesce(a.project_id, g.project_id)
      join schools s on s.uai = p.school_uai join academies c on c.code = s.academy_code
      group by c.name order by c.name`;
    const csv = new TextDecoder().decode(
      (await (await app.request('http://localhost/transparence.csv')).arrayBuffer()).slice(3),
    );
    const euros = (field: string) => Math.round(Number(field.replace(',', '.')) * 100);
    const fromCsv = new Map<string, number[]>();
    for (const line of csv.split('\r\n').slice(1, -1)) {
      const cells = line.split(';');
      const sums = fromCsv.get(cells[1]!) ?? [0, 0, 0, 0, 0];
      fromCsv.set(
        cells[1]!,
        sums.map((sum, index) => sum + euros(cells[5 + index]!)),
      );
    }
    const figures = (row: (typeof ledger)[number]) => [
      row.collected,
      row.paidOut,
      row.refunded,
      row.redirected,
      row.granted,
    ];
    expect(Object.fromEntries(fromCsv)).toEqual(Object.fromEntries(ledger.map((row) => [row.academy, figures(row)])));

    const html = (await (await app.request('http://localhost/transparence')).text()).replace(/[\u202f\u00a0]/g, ' ');
    for (const row of ledger) {
      const yearRow = html.match(new RegExp(`<th scope="row">${thisYear} — ${row.academy}</th>(.*?)</tr>`))![1]!;
      const cells = [...yearRow.matchAll(/<td class="n">([^<]*)<\/td>/g)].map((match) => match[1]);
      expect(cells.slice(2, 7), row.academy).toEqual(
        figures(row).map((cents) => `${formatEuros(cents).replace(/[\u202f\u00a0]/g, ' ')}`),
      );
    }
  });
});
