import { hashPassword } from '../api/auth/passwords.ts';
import type { Db } from '../db/client.ts';
import { loadPlatform } from './funds-fixtures.ts';

/** The size of the lists benchmark's platform. */
export interface ListsSize {
  projects: number;
  donations: number;
}

const WORDS = ['Classe de mer', 'Atelier théâtre', 'Robotique', 'Jardin partagé', 'Chorale', 'Voyage à Londres'];
const SCHOOL_NAMES = ['Jean Jaurès', 'Victor Hugo', 'Jules Ferry', 'Louise Michel', 'Pasteur', 'Marie Curie'];
const FIRST_NAMES = ['Héloïse', 'Jérôme', 'Chloé', 'Noël', 'Amélie', 'François', 'Zoé', 'Loïc', 'Inès', 'Gaël'];
const LAST_NAMES = ['Dupont', 'Lefèvre', 'Moreau', 'Durand', 'Bérénger', 'Petit', 'Fournier', 'Girard', 'Rémy'];
// one project in twenty per entry: mostly collecting or done, some waiting for review
const STATUSES = [
  ...['published', 'published', 'published', 'published', 'published', 'published', 'submitted', 'draft'],
  ...['accepted', 'awaiting_attestation', 'succeeded', 'paid_out', 'paid_out', 'report_due', 'completed'],
  ...['completed', 'failed', 'closed', 'cancelled', 'changes_requested'],
];
// one gift in a hundred per point: 88 paid, then the rarer states
const DONATION_STATES = stateCase([
  [88, 'paid'],
  [91, 'refunded'],
  [93, 'pending'],
  [95, 'expired'],
  [97, 'redirected'],
  [98, 'disputed'],
  [99, 'payment_failed'],
  [100, 'refund_requested'],
]);

function stateCase(bounds: [number, string][]): string {
  return `case ${bounds.map(([bound, state]) => `when i % 100 < ${bound} then '${state}'`).join(' ')} end`;
}

/**
 * Loads the platform of the funds benchmark (projects, schools, funds, 0 to 8 gifts a project), then brings it to
 * the admin's scale with set-based SQL, triggers off: varied titles, school names and states, gifts up to
 * `size.donations` from named donors over the last year with their ledger movements (payments, refunds),
 * receiving structures, payouts, payment anomalies; then rebuilds the kept aggregates. Returns an admin's
 * e-mail, whose password is `password`. `db` must be a single-connection client.
 */
export async function loadLists(db: Db, size: ListsSize, password: string): Promise<string> {
  await loadPlatform(db, { projects: size.projects, schools: Math.max(100, size.projects / 10), funds: 10 });
  await db`set session_replication_role = replica`;
  await db`update schools set name = 'École ' || (${SCHOOL_NAMES}::text[])[1 + substring(uai, 1, 7)::int % 6]
           || ' ' || substring(uai, 1, 7)`;
  await db`update projects set title = (${WORDS}::text[])[1 + id % 6] || ' ' || id,
           status = (${STATUSES}::text[])[1 + (id * 7) % 20],
           status_changed_at = now() - make_interval(secs => (id * 7919) % 31536000)`;
  const [loaded] = await db<{ before: number }[]>`select coalesce(max(id), 0)::bigint as before from donations`;
  const before = loaded?.before ?? 0;
  await db.unsafe(
    `insert into donations (project_id, amount_cents, donor_name, donor_email, status, hide_name, created_at, paid_at)
     select 1 + (i * 7919) % $1, 500 + (i * 104729) % 20000,
            ($2::text[])[1 + i % 10] || ' ' || ($3::text[])[1 + (i / 10) % 9],
            'donateur-' || i || '@example.org', state, i % 13 = 0, at,
            case when state not in ('pending', 'expired', 'payment_failed') then at + interval '1 minute' end
     from generate_series(1, $4::bigint) as i
     cross join lateral (select ${DONATION_STATES} as state,
                                now() - make_interval(secs => (i::bigint * 7919) % 31536000) as at) x`,
    [size.projects, FIRST_NAMES, LAST_NAMES, Math.max(0, size.donations - before)] as never[],
  );
  await db`insert into ledger_accounts (code, kind, name) values ('refunds', 'refunds', 'Remboursements')`;
  await postDonationMovements(db, before);
  await loadPayoutsAndAnomalies(db);
  await db`set session_replication_role = origin`;
  // the school's fields copied onto its projects by triggers, which the bulk load above bypassed
  await db`update projects set school_uai = school_uai`;
  await db`select kept_aggregates_rebuild()`;
  await db`vacuum analyze`;
  const email = 'admin-banc@example.org';
  const [admin] = await db<{ id: number }[]>`
    insert into users (email, password_hash, display_name) values (${email}, ${await hashPassword(password)}, 'Admin')
    returning id`;
  await db`insert into user_roles (user_id, role) values (${admin!.id}, 'admin')`;
  return email;
}

/** Each paid gift after `after` moves from Stripe to its project when paid; a refunded one back to the donor. */
async function postDonationMovements(db: Db, after: number): Promise<void> {
  await db`
    insert into ledger_transactions (kind, idempotency_key, description, donation_id, created_at)
    select 'donation_paid', 'donation-paid-' || id, 'Don ' || id, id, paid_at from donations
    where id > ${after} and paid_at is not null
    union all
    select 'donation_refunded', 'donation-refunded-' || id, 'Remboursement ' || id, id, paid_at + interval '2 days'
    from donations where id > ${after} and status = 'refunded'`;
  await db`
    insert into ledger_lines (transaction_id, account_id, amount_cents)
    select t.id, case when (t.kind = 'donation_paid') = (side = -1) then source.id else project.id end,
           side * d.amount_cents
    from ledger_transactions t join donations d on d.id = t.donation_id
    join ledger_accounts project on project.code = 'project:' || d.project_id
    join ledger_accounts source on source.code = case t.kind when 'donation_paid' then 'stripe:clearing' else 'refunds' end
    cross join (values (-1), (1)) as sides(side)
    where d.id > ${after}`;
}

/** A structure per school, a payout per project paid out or later, and a payment anomaly per 400 gifts. */
async function loadPayoutsAndAnomalies(db: Db): Promise<void> {
  await db`
    insert into receiving_structures (school_uai, kind, legal_name)
    select uai, 'cooperative_scolaire', 'Coopérative ' || name from schools`;
  await db`update projects p set structure_id = r.id from receiving_structures r where r.school_uai = p.school_uai`;
  await db`
    insert into payouts (project_id, structure_id, amount_cents)
    select id, structure_id, minimum_goal_cents from projects
    where status in ('paid_out', 'report_due', 'completed')`;
  await db`
    insert into payment_anomalies (kind, donation_id, message, created_at, resolved_at)
    select 'amount_mismatch', id, 'Montant différent du don ' || id, created_at,
           case when id % 800 = 0 then created_at + interval '1 day' end
    from donations where id % 400 = 0`;
}
