import type { Tx } from '../../db/client.ts';
import { findFund, type FundRow } from '../../db/queries/funds.ts';
import { formatShortDate } from '../../domain/format.ts';
import { fundReportLines, type FundReportLine } from '../../db/queries/grant-listings.ts';
import {
  CAMPAIGN_OUTCOME_LABELS,
  PRIORITY_CATEGORY_LABELS,
  campaignOutcome,
  priorityCategory,
  summarizeFundGrants,
  type CampaignOutcome,
  type FundReportSummary,
  type PriorityCategory,
} from '../../domain/funds/report.ts';
import { GRANT_KIND_LABELS, GRANT_STATUS_LABELS } from '../../domain/funds/types.ts';
import { centsAsFrenchDecimal, toFrenchCsv } from '../csv.ts';

/** One grant of a sponsor's report, with its school's priority category and its campaign's outcome. */
export interface FundReportGrant extends Omit<FundReportLine, 'priorityEducation' | 'rural'> {
  priorityCategory: PriorityCategory;
  outcome: CampaignOutcome;
}

/** A sponsor's report on their fund (issue 5 §6). */
export interface FundReport {
  fund: FundRow;
  summary: FundReportSummary;
  grants: FundReportGrant[];
}

/** The report of a fund from the ledger and its grants; undefined when the fund does not exist. */
export async function buildFundReport(db: Tx, fundId: number): Promise<FundReport | undefined> {
  const fund = await findFund(db, fundId);
  if (!fund) return undefined;
  const lines = await fundReportLines(db, fundId);
  const grants = lines.map(({ priorityEducation, rural, ...line }) => ({
    ...line,
    priorityCategory: priorityCategory({ priorityEducation, rural }),
    outcome: campaignOutcome(line.projectStatus),
  }));
  return { fund, summary: summarizeFundGrants(lines), grants };
}

/** The CSV headers of a report, in French. */
export const REPORT_CSV_HEADERS = [
  'N° de subvention',
  'Type',
  'Statut',
  'Date d’attribution',
  'N° de projet',
  'Projet',
  'Établissement',
  'UAI',
  'Académie',
  'Département',
  'Catégorie prioritaire',
  'Montant (€)',
  'Issue de la campagne',
];

/** The report as a CSV file for French Excel: one line per grant, amounts in euros with a decimal comma. */
export function fundReportCsv(report: FundReport): string {
  return toFrenchCsv(
    REPORT_CSV_HEADERS,
    report.grants.map((grant) => [
      grant.grantId,
      GRANT_KIND_LABELS[grant.kind],
      GRANT_STATUS_LABELS[grant.status],
      formatShortDate(grant.createdAt),
      grant.projectId,
      grant.projectTitle,
      grant.schoolName,
      grant.schoolUai,
      grant.academyCode,
      grant.departement,
      PRIORITY_CATEGORY_LABELS[grant.priorityCategory],
      centsAsFrenchDecimal(grant.amountCents),
      CAMPAIGN_OUTCOME_LABELS[grant.outcome],
    ]),
  );
}
