import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createDb } from './client.ts';
import { configOrExit, parseEnv } from './env.ts';
import { importDirectory, importIps, type RefusedLine } from './schools-import/import.ts';

// `npm run import:schools -- --annuaire <file.csv> [--ips <file.csv>]…`: the Éducation nationale's directory,
// then its IPS tables, upserted by UAI; prints what changed and every refused line.
const env = configOrExit(() =>
  parseEnv(z.object({ DATABASE_URL: z.string().url('must be a postgres:// URL') }), process.env),
);
const { values } = parseArgs({
  options: { annuaire: { type: 'string' }, ips: { type: 'string', multiple: true } },
});
if (!values.annuaire && !values.ips?.length) {
  console.error(
    'Usage : npm run import:schools -- --annuaire annuaire.csv [--ips ips-ecoles.csv --ips ips-colleges.csv]',
  );
  process.exit(2);
}

const refusals = (path: string, refused: RefusedLine[]) => {
  refused.forEach(({ line, reason }) => console.error(`${path}:${line} : ligne rejetée — ${reason}`));
  if (refused.length) process.exitCode = 1;
};

const db = createDb(env.DATABASE_URL, { max: 1 });
try {
  if (values.annuaire) {
    const report = await importDirectory(db, values.annuaire);
    refusals(values.annuaire, report.refused);
    console.log(
      `Annuaire : ${report.read} lignes lues, ${report.inserted} ajoutées, ${report.updated} mises à jour, ` +
        `${report.unchanged} inchangées, ${report.outOfScope} hors champ, ${report.refused.length} rejetées.`,
    );
  }
  for (const path of values.ips ?? []) {
    const report = await importIps(db, path);
    refusals(path, report.refused);
    console.log(
      `IPS ${path} : ${report.read} lignes lues, ${report.updated} mises à jour, ${report.unchanged} inchangées, ` +
        `${report.unknownSchool} d’établissements absents de l’annuaire, ${report.refused.length} rejetées.`,
    );
  }
} finally {
  await db.end();
}
