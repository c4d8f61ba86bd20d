import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import type { Db } from '../client.ts';
import { importDirectory, importIps } from './import.ts';

const sample = (name: string) => fileURLToPath(new URL(`../samples/${name}`, import.meta.url));
const ANNUAIRE = sample('annuaire-sample.csv');
const IPS = sample('ips-sample.csv');

let db: Db;
beforeAll(async () => {
  ({ db } = await createTestDatabase());
});

const school = (uai: string) =>
  db`select uai, name, kind, degree, academy_code, departement, commune, sector, priority_education, email,
            ips::float8 as ips, ips_school_year from schools where uai = ${uai}`.then(([row]) => row);

describe('importing the official school directory', () => {
  it('inserts every school in scope of the sample, leaves the others out, and refuses none', async () => {
    const report = await importDirectory(db, ANNUAIRE);
    expect(report).toEqual({ read: 30, inserted: 27, updated: 0, unchanged: 0, outOfScope: 3, refused: [] });
    const [counts] = await db`select count(*)::int as schools,
      count(*) filter (where priority_education = 'rep_plus')::int as rep_plus,
      count(*) filter (where priority_education = 'rep')::int as rep,
      count(*) filter (where sector = 'prive_sous_contrat')::int as private from schools`;
    expect(counts).toEqual({ schools: 27, repPlus: 7, rep: 7, private: 2 });
    expect(await school('0590101P')).toEqual({
      uai: '0590101P',
      name: 'Ecole primaire Jean Jaurès',
      kind: 'ecole_elementaire',
      degree: 'premier',
      academyCode: 'lille',
      departement: '59',
      commune: 'Lille',
      sector: 'public',
      priorityEducation: 'rep_plus',
      email: 'ce.0590101p@ac-lille.fr',
      ips: null,
      ipsSchoolYear: null,
    });
    expect(await school('0620118S')).toMatchObject({
      kind: 'lycee_professionnel',
      degree: 'second',
      departement: '62',
    });
    expect(await school('0020271J')).toMatchObject({
      kind: 'ecole_maternelle',
      academyCode: 'amiens',
      departement: '02',
    });
    const academies =
      await db`select code, name, pilot_enabled from academies where code in ('orleans-tours', 'amiens') order by code`;
    expect(academies).toEqual([
      { code: 'amiens', name: 'Amiens', pilotEnabled: false },
      { code: 'orleans-tours', name: 'Orléans-Tours', pilotEnabled: false },
    ]);
  });

  it('sets each school’s IPS from the latest school year and counts the schools it does not know', async () => {
    const report = await importIps(db, IPS);
    expect(report).toEqual({ read: 16, updated: 14, unchanged: 1, unknownSchool: 1, refused: [] });
    expect(await school('0590101P')).toMatchObject({ ips: 72.4, ipsSchoolYear: '2023-2024' });
    expect(await school('0590214M')).toMatchObject({ ips: 64.9 });
  });

  it('changes nothing when run again on the same files', async () => {
    const before = await db`select * from schools order by uai`;
    expect(await importDirectory(db, ANNUAIRE)).toMatchObject({ inserted: 0, updated: 0, unchanged: 27 });
    expect(await importIps(db, IPS)).toMatchObject({ updated: 0, unchanged: 15 });
    expect(await db`select * from schools order by uai`).toEqual(before);
  });

  it('updates a school whose line changed, and the catalogue fields of its projects', async () => {
    await db`insert into users (email, display_name) values ('porteur@ac-lille.fr', 'Porteur')`;
    await db`insert into projects (school_uai, porteur_id, title, theme, levels, pupil_count, minimum_goal_cents,
                                   optimum_goal_cents, campaign_days, activity_starts_on, activity_ends_on)
             select '0590322E', id, 'Chorale', 'arts_culture', '{CM1}', 20, 100000, 150000, 30,
                    current_date + 60, current_date + 61 from users`;
    const changed = join(tmpdir(), `annuaire-changed-${process.pid}.csv`);
    writeFileSync(
      changed,
      readFileSync(ANNUAIRE, 'utf8').replace(
        'Ecole élémentaire Victor Hugo;Ecole;Public;45 rue Victor Hugo;59200;59599;Tourcoing;059;Nord;09;Lille;0;1;;;;ce.0590322e@ac-lille.fr;REP;',
        'Ecole élémentaire Victor Hugo;Ecole;Public;45 rue Victor Hugo;59200;59599;Tourcoing;059;Nord;09;Lille;0;1;;;;ce.0590322e@ac-lille.fr;REP+;',
      ),
    );
    expect(await importDirectory(db, changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 26 });
    expect(await school('0590322E')).toMatchObject({ priorityEducation: 'rep_plus', ips: 79.8 });
    const [project] = await db`select school_priority_education, school_academy_code, school_departement from projects`;
    expect(project).toEqual({
      schoolPriorityEducation: 'rep_plus',
      schoolAcademyCode: 'lille',
      schoolDepartement: '59',
    });
  });

  it('reports each broken line with its line number and the reason, and imports the others', async () => {
    const report = await importDirectory(db, sample('annuaire-bad-sample.csv'));
    expect(report.refused).toEqual([
      {
        line: 3,
        reason: 'Identifiant_de_l_etablissement : UAI invalide (7 chiffres et la lettre de contrôle, ex. 0590001F)',
      },
      { line: 4, reason: 'Nom_etablissement : nom manquant' },
      { line: 5, reason: 'Statut_public_prive : statut inconnu (Public ou Privé)' },
      { line: 6, reason: 'Code_departement : code de département invalide (ex. 059, 02A, 974)' },
      { line: 7, reason: 'Mail : adresse électronique invalide' },
      { line: 8, reason: '18 champs au lieu des 21 de l’en-tête' },
      { line: 9, reason: 'UAI 0590101P en double (déjà ligne 2)' },
      { line: 10, reason: 'Appartenance_Education_Prioritaire : éducation prioritaire inconnue (REP, REP+ ou vide)' },
      { line: 11, reason: 'école ni maternelle ni élémentaire (Ecole_maternelle et Ecole_elementaire à 0)' },
    ]);
    expect(report).toMatchObject({ read: 11, inserted: 0, outOfScope: 0 });
    const ips = await importIps(db, sample('ips-bad-sample.csv'));
    expect(ips.refused).toEqual([
      { line: 3, reason: 'Rentrée scolaire : rentrée invalide (ex. 2023-2024)' },
      { line: 4, reason: 'IPS : IPS invalide (un nombre, ex. 103,4)' },
      { line: 5, reason: 'IPS : IPS hors de l’intervalle 40 à 200' },
      { line: 6, reason: 'UAI : UAI invalide (7 chiffres et la lettre de contrôle, ex. 0590001F)' },
    ]);
  });

  it('refuses a file whose header lacks a column it needs', async () => {
    await expect(importIps(db, ANNUAIRE)).rejects.toThrow(
      'colonnes absentes de l’en-tête : Rentrée scolaire, UAI, IPS',
    );
  });
});
