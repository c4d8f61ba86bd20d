import { createReadStream } from 'node:fs';

/** One record of a `;`-separated file: its line in the file (the header is line 1) and its fields by column. */
export type CsvRecord = { line: number; fields: Record<string, string> } | { line: number; error: string };

/** Splits text into rows of fields as they complete (quotes, doubled quotes, line breaks inside quotes). */
class RowSplitter {
  private field = '';
  private row: string[] = [];
  private quoted = false;
  private afterQuote = false;
  private line = 1;
  private rowLine = 1;

  /** The rows completed by this chunk, each with the line it starts on. */
  feed(chunk: string): { line: number; row: string[] }[] {
    const rows: { line: number; row: string[] }[] = [];
    for (const char of chunk) {
      if (this.quoted) {
        if (char === '"') [this.quoted, this.afterQuote] = [false, true];
        else {
          if (char === '\n') this.line += 1;
          this.field += char;
        }
      } else if (char === '"') {
        if (this.afterQuote) this.field += '"';
        [this.quoted, this.afterQuote] = [true, false];
      } else if (char === ';') {
        this.row.push(this.field);
        [this.field, this.afterQuote] = ['', false];
      } else if (char === '\n') {
        const done = this.end();
        if (done) rows.push(done);
        this.line += 1;
        this.rowLine = this.line;
      } else if (char !== '\r') {
        this.field += char;
        this.afterQuote = false;
      }
    }
    return rows;
  }

  /** The last row when the file does not end with a line break. */
  end(): { line: number; row: string[] } | undefined {
    this.row.push(this.field);
    const row = this.row;
    [this.row, this.field, this.afterQuote] = [[], '', false];
    return row.length === 1 && row[0] === '' ? undefined : { line: this.rowLine, row };
  }
}

/**
 * Reads a `;`-separated UTF-8 file (BOM allowed) record by record, never holding more than a chunk: each record
 * maps the header's column names to its fields, or says why it cannot (a wrong number of fields). A header
 * without the required columns refuses the file.
 */
export async function* readCsvRecords(path: string, required: readonly string[]): AsyncGenerator<CsvRecord> {
  const splitter = new RowSplitter();
  let header: string[] | undefined;
  const record = ({ line, row }: { line: number; row: string[] }): CsvRecord | undefined => {
    if (!header) {
      header = row.map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
      const missing = required.filter((column) => !header!.includes(column));
      if (missing.length) throw new Error(`${path} : colonnes absentes de l’en-tête : ${missing.join(', ')}`);
      return undefined;
    }
    if (row.length !== header.length)
      return { line, error: `${row.length} champs au lieu des ${header.length} de l’en-tête` };
    return { line, fields: Object.fromEntries(header.map((name, index) => [name, row[index]!.trim()])) };
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    for (const row of splitter.feed(chunk as string)) {
      const next = record(row);
      if (next) yield next;
    }
  }
  const last = splitter.end();
  const next = last && record(last);
  if (next) yield next;
}
