import type { ReportBudgetLine } from '../../db/queries/project-reports.ts';
import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';

const euros = (cents: number | null) => (cents === null ? '—' : formatEuros(cents));

/** The table of what was spent on each budget line against what was planned, or '' when the report has none. */
export function spendTable(lines: ReportBudgetLine[]): string {
  if (lines.length === 0) return '';
  const total = (pick: (line: ReportBudgetLine) => number | null) =>
    lines.reduce((sum, line) => sum + (pick(line) ?? 0), 0);
  const rows = lines.map(
    (line) =>
      `<tr><td>${escapeHtml(line.label)}</td><td class="n">${euros(line.amountCents)}</td><td class="n">${euros(line.spentCents)}</td></tr>`,
  );
  return `<div class="table" tabindex="0" role="region" aria-label="Dépenses par poste (défilable)"><table><caption class="muted">Dépenses réelles par poste du budget</caption>
<thead><tr><th scope="col">Poste</th><th scope="col" class="n">Prévu</th><th scope="col" class="n">Dépensé</th></tr></thead>
<tbody>${rows.join('')}</tbody><tfoot><tr><th scope="row">Total</th><td class="n">${formatEuros(total((line) => line.amountCents))}</td><td class="n">${formatEuros(total((line) => line.spentCents))}</td></tr></tfoot></table></div>`;
}
