import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRecords, type CsvRecord } from './csv.ts';

const file = (content: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'csv-')), 'file.csv');
  writeFileSync(path, content);
  return path;
};

const records = async (path: string, required: string[] = []) => {
  const all: CsvRecord[] = [];
  for await (const record of readCsvRecords(path, required)) all.push(record);
  return all;
};

describe('reading a ;-separated export', () => {
  it('reads quoted fields, doubled quotes, line breaks inside quotes, CRLF and a BOM, with each record’s line', async () => {
    const path = file(
      '\uFEFFUAI;Nom;Adresse\r\n0590101P;"École ""Jaurès""";"Rue A; BP 1"\r\n0590214M;Louise;"Bât. 2\nRue B"\r\n0590322E;Hugo;Rue C',
    );
    expect(await records(path, ['UAI'])).toEqual([
      { line: 2, fields: { UAI: '0590101P', Nom: 'École "Jaurès"', Adresse: 'Rue A; BP 1' } },
      { line: 3, fields: { UAI: '0590214M', Nom: 'Louise', Adresse: 'Bât. 2\nRue B' } },
      { line: 5, fields: { UAI: '0590322E', Nom: 'Hugo', Adresse: 'Rue C' } },
    ]);
  });

  it('says when a line has not as many fields as the header', async () => {
    expect(await records(file('A;B\n1;2;3\n\n4;5\n'))).toEqual([
      { line: 2, error: '3 champs au lieu des 2 de l’en-tête' },
      { line: 4, fields: { A: '4', B: '5' } },
    ]);
  });

  it('reads a file far larger than one chunk record by record', async () => {
    const rows = Array.from({ length: 20_000 }, (_, index) => `${index};Établissement ${index}`);
    const all = await records(file(`N;Nom\n${rows.join('\n')}\n`));
    expect(all).toHaveLength(20_000);
    expect(all[19_999]).toEqual({ line: 20_001, fields: { N: '19999', Nom: 'Établissement 19999' } });
  });
});
