import type { Tx } from '../client.ts';

/** Records the directeur's attestation once (a repeat changes nothing). */
export async function insertAttestation(
  db: Tx,
  attestation: {
    projectId: number;
    actorId: number;
    ienApproved?: boolean;
    dasenApproved?: boolean;
    caVoteOn?: string;
    documentId?: number;
  },
): Promise<void> {
  await db`
    insert into project_attestations (project_id, directeur_id, ien_approved, dasen_approved, ca_vote_on, document_id)
    values (${attestation.projectId}, ${attestation.actorId}, ${attestation.ienApproved ?? null},
            ${attestation.dasenApproved ?? null}, ${attestation.caVoteOn ?? null}, ${attestation.documentId ?? null})
    on conflict (project_id) do nothing`;
}

/** Records one version of the final report once, with its spend per budget line (a repeat changes nothing). */
export async function insertReport(
  db: Tx,
  report: {
    projectId: number;
    version: number;
    actorId: number;
    whatWasDone: string;
    pupilsReached: number;
    actualSpendCents: number;
    spendLines?: { budgetLineId: number; spentCents: number }[];
    shareConsent?: boolean;
  },
): Promise<void> {
  const lines = report.spendLines ?? [];
  await db`
    with report as (
      insert into project_reports (project_id, version, what_was_done, pupils_reached, actual_spend_cents,
                                   share_consent, submitted_by)
      values (${report.projectId}, ${report.version}, ${report.whatWasDone}, ${report.pupilsReached},
              ${report.actualSpendCents}, ${report.shareConsent ?? false}, ${report.actorId})
      on conflict (project_id, version) do nothing
      returning id)
    insert into project_report_spend_lines (report_id, budget_line_id, spent_cents)
    select report.id, line.budget_line_id, line.spent_cents
    from report, unnest(${lines.map((line) => line.budgetLineId)}::bigint[],
                        ${lines.map((line) => line.spentCents)}::bigint[]) as line (budget_line_id, spent_cents)`;
}
