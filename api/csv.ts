/** The byte-order mark that makes Excel read a CSV file as UTF-8 (accents intact). */
const UTF8_BOM = '\uFEFF';

const quoted = (value: string) => (/[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
// a cell starting like a formula is kept as text, so a project title cannot run anything in Excel
const inert = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * A CSV document as French Excel opens it by double-click: UTF-8 with a BOM, `;` between fields, CRLF
 * line ends, fields quoted only when they hold a `;`, a quote or a line break; text that Excel would take
 * for a formula gets a leading apostrophe.
 */
export function toFrenchCsv(headers: string[], rows: (string | number)[][]): string {
  const lines = [headers, ...rows].map((row) =>
    row.map((value) => quoted(typeof value === 'number' ? String(value) : inert(value))).join(';'),
  );
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** Cents as a French decimal number without a currency sign or grouping, e.g. 123456 → "1234,56". */
export function centsAsFrenchDecimal(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)},${String(absolute % 100).padStart(2, '0')}`;
}
