import { escapeHtml } from '../../domain/html.ts';
import { formatEuros } from '../../domain/money.ts';
import type { TransparencyRow } from '../../db/queries/public-transparency.ts';
import { centsAsFrenchDecimal, toFrenchCsv } from '../csv.ts';

type Sums = Omit<TransparencyRow, 'yearStart' | 'academyCode' | 'academyName'>;

/** The rows added up. */
export function totalOf(rows: TransparencyRow[]): Sums {
  const total: Sums = {
    succeeded: 0,
    failed: 0,
    collectedCents: 0,
    paidOutCents: 0,
    refundedCents: 0,
    redirectedCents: 0,
    grantedCents: 0,
    priorityGrantedCents: 0,
  };
  for (const row of rows) for (const key of Object.keys(total) as (keyof Sums)[]) total[key] += row[key];
  return total;
}

/** A share in tenths of a percent, French style (« 66,7 »); empty when there is nothing to divide. */
export function shareOf(part: number, whole: number): string {
  return whole > 0 ? (Math.round((part * 1000) / whole) / 10).toFixed(1).replace('.', ',') : '';
}

const successRate = (sums: Sums) => shareOf(sums.succeeded, sums.succeeded + sums.failed);
const priorityShare = (sums: Sums) => shareOf(sums.priorityGrantedCents, sums.grantedCents);
const schoolYear = (start: number) => `${start}-${start + 1}`;
const percent = (share: string) => (share ? `${share} %` : '—');

function cells(sums: Sums): string {
  return [
    `${sums.succeeded} / ${sums.succeeded + sums.failed}`,
    percent(successRate(sums)),
    formatEuros(sums.collectedCents),
    formatEuros(sums.paidOutCents),
    formatEuros(sums.refundedCents),
    formatEuros(sums.redirectedCents),
    formatEuros(sums.grantedCents),
    percent(priorityShare(sums)),
  ]
    .map((cell) => `<td class="n">${cell}</td>`)
    .join('');
}

function bars(rows: TransparencyRow[]): string {
  const byAcademy = new Map<string, TransparencyRow[]>();
  for (const row of rows) byAcademy.set(row.academyName, [...(byAcademy.get(row.academyName) ?? []), row]);
  const items = [...byAcademy].map(([name, list]) => {
    const sums = totalOf(list);
    const rate = successRate(sums);
    const share = priorityShare(sums);
    const bar = (label: string, value: string) =>
      value
        ? `<p>${label} : ${value} %<br><progress max="100" value="${value.replace(',', '.')}" aria-label="${escapeHtml(`${name}, ${label} : ${value} %`)}">${value} %</progress></p>`
        : `<p>${label} : —</p>`;
    return `<li><h3>${escapeHtml(name)}</h3>${bar('Taux de réussite', rate)}${bar('Part du mécénat aux écoles prioritaires', share)}</li>`;
  });
  return `<ul class="cards">${items.join('')}</ul>`;
}

/** The transparency page: the totals, charts by académie, and the table by school year and académie. */
export function transparencyPage(rows: TransparencyRow[], fundGiftCents: number): string {
  const total = totalOf(rows);
  const head = [
    'Projets réussis',
    'Taux de réussite',
    'Collecté',
    'Versé aux écoles',
    'Remboursé',
    'Réorienté',
    'Mécénat',
    'Part prioritaire',
  ];
  const body = rows.map(
    (row) => `<tr><th scope="row">${schoolYear(row.yearStart)} — ${escapeHtml(row.academyName)}</th>${cells(row)}</tr>`,
  );
  return `<h1>Transparence : où va l’argent</h1>
<p>Ces chiffres sont calculés à partir de notre comptabilité en partie double : chaque euro reçu, versé, remboursé ou réorienté y est une écriture. Ils sont publiés sans retouche, et <a href="/transparence.csv" download>téléchargeables en CSV</a> (séparateur point-virgule, UTF-8).</p>
<ul class="figures">
<li><strong>${formatEuros(total.collectedCents)}</strong> donnés aux projets</li>
<li><strong>${formatEuros(fundGiftCents)}</strong> donnés aux fonds de solidarité</li>
<li><strong>${formatEuros(total.paidOutCents)}</strong> versés aux écoles</li>
<li><strong>${formatEuros(total.refundedCents)}</strong> remboursés aux donateurs</li>
<li><strong>${formatEuros(total.redirectedCents)}</strong> réorientés vers le fonds de solidarité</li>
<li><strong>${percent(successRate(total))}</strong> de projets réussis (${total.succeeded} sur ${total.succeeded + total.failed} collectes terminées)</li>
<li><strong>${percent(priorityShare(total))}</strong> du mécénat (${formatEuros(total.priorityGrantedCents)} sur ${formatEuros(total.grantedCents)}) aux écoles REP+, REP ou rurales</li>
</ul>
<h2>Par académie</h2>
${bars(rows)}
<h2>Par année scolaire et académie</h2>
<p class="muted">L’année scolaire est celle du début de la collecte. Le mécénat compte les réservations et versements des fonds, hors réservations rendues.</p>
<div class="table" tabindex="0" role="region" aria-label="Tableau (défilable)"><table><caption class="muted">Chiffres par année scolaire et académie</caption>
<thead><tr><th scope="col">Année — académie</th>${head.map((h) => `<th scope="col" class="n">${h}</th>`).join('')}</tr></thead>
<tbody>${body.join('')}</tbody>
<tfoot><tr><th scope="row">Total</th>${cells(total)}</tr></tfoot></table></div>`;
}

/** The same figures as open data: one line per school year and académie, amounts in euros. */
export function transparencyCsv(rows: TransparencyRow[]): string {
  return toFrenchCsv(
    [
      'annee_scolaire',
      'academie',
      'projets_reussis',
      'projets_echoues',
      'taux_de_reussite_pct',
      'collecte_eur',
      'verse_aux_ecoles_eur',
      'rembourse_eur',
      'reoriente_eur',
      'mecenat_eur',
      'mecenat_ecoles_prioritaires_eur',
      'part_prioritaire_pct',
    ],
    rows.map((row) => [
      schoolYear(row.yearStart),
      row.academyName,
      row.succeeded,
      row.failed,
      successRate(row),
      centsAsFrenchDecimal(row.collectedCents),
      centsAsFrenchDecimal(row.paidOutCents),
      centsAsFrenchDecimal(row.refundedCents),
      centsAsFrenchDecimal(row.redirectedCents),
      centsAsFrenchDecimal(row.grantedCents),
      centsAsFrenchDecimal(row.priorityGrantedCents),
      priorityShare(row),
    ]),
  );
}
