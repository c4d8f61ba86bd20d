import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every French text a person reads (screens, e-mails, PDFs, CSVs, API messages) writes its elisions with the
// typographic apostrophe (« l’école »): a straight one beside it looked like two typefaces on one screen.
// (the demo data's texts stand for what people type, and people type straight apostrophes too)
const ROOTS = ['admin/src', 'admin/index.html', 'activities', 'api', 'contracts', 'db/queries', 'domain', 'workflows'];
// a workflow version kept only to replay old histories is never changed
const FROZEN = ['workflows/project-lifecycle-v1/'];
const ELISION = /\b(?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu|aujourd)'[a-zàâçéèêëîïôûùüÿœ]/i;
const COMMENT = /^\s*(?:\/\/|\*|\/\*)/;

function filesUnder(path: string): string[] {
  if (/\.(tsx?|html|mjml)$/.test(path)) return [path];
  try {
    return readdirSync(path).flatMap((name) => filesUnder(join(path, name)));
  } catch {
    return [];
  }
}

describe('French typography', () => {
  it('writes every elision with the typographic apostrophe, in every text the code holds', () => {
    const files = ROOTS.flatMap(filesUnder).filter(
      (file) => !/\.test\.ts$/.test(file) && !FROZEN.some((frozen) => file.startsWith(frozen)),
    );
    expect(files.length).toBeGreaterThan(100);
    const straight = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${file}:${index + 1}` }))
        .filter(({ line }) => !COMMENT.test(line) && ELISION.test(line))
        .map(({ line, at }) => `${at}: ${line.trim()}`),
    );
    expect(straight).toEqual([]);
  });
});
