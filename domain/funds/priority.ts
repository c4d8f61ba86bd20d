import { euros } from './format.ts';
import type { ProjectFacts } from './types.ts';

/** Width of an IPS band: schools within the same ten points of IPS rank together. */
export const IPS_BAND_WIDTH = 10;

/** Band given to a school whose IPS is unknown: after every known band (no evidence of need). */
export const UNKNOWN_IPS_BAND = 99;

/**
 * A project's place in the queue, compared left to right, smaller first:
 * [REP+ 0 / REP 1 / other 2, rural 0 / not 1, IPS band, gap to the minimum in cents, project id].
 */
export type PriorityKey = [number, number, number, number, number];

/** What the priority score reads of a project. */
export type PriorityFacts = Pick<
  ProjectFacts,
  'id' | 'priorityEducation' | 'rural' | 'ips' | 'minimumGoalCents' | 'collectedCents'
>;

/** The priority score of a project and its reading in French. */
export interface PriorityScore {
  key: PriorityKey;
  label: string;
}

const EDUCATION_RANK = { rep_plus: 0, rep: 1, none: 2 } as const;
const EDUCATION_LABEL = { rep_plus: 'REP+', rep: 'REP', none: 'hors éducation prioritaire' } as const;

/**
 * The priority score: REP+ before REP before the rest, then rural/isolated schools, then the lower IPS
 * band, then the smallest gap to the minimum goal; the project id (older first) breaks exact ties.
 */
export function priorityScore(project: PriorityFacts): PriorityScore {
  const band = project.ips === null ? UNKNOWN_IPS_BAND : Math.floor(project.ips / IPS_BAND_WIDTH);
  const gap = Math.max(0, project.minimumGoalCents - project.collectedCents);
  const ips =
    project.ips === null
      ? 'IPS inconnu (classé après les IPS connus)'
      : `IPS ${String(project.ips).replace('.', ',')} (tranche ${band * IPS_BAND_WIDTH} à ${(band + 1) * IPS_BAND_WIDTH})`;
  const label = [
    EDUCATION_LABEL[project.priorityEducation],
    project.rural ? 'zone rurale ou isolée' : 'hors zone rurale',
    ips,
    gap > 0 ? `${euros(gap)} manquent pour atteindre le minimum` : 'minimum atteint',
  ].join(' · ');
  return {
    key: [EDUCATION_RANK[project.priorityEducation], project.rural ? 0 : 1, band, gap, project.id],
    label,
  };
}

/** Orders two scores: negative when a comes first (higher priority), positive when b does. */
export function comparePriority(a: PriorityScore, b: PriorityScore): number {
  for (let index = 0; index < a.key.length; index += 1) {
    const difference = (a.key[index] as number) - (b.key[index] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}
