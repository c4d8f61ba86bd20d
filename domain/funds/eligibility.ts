import { THEME_LABELS, type Theme } from '../projects.ts';
import { frenchDate } from './format.ts';
import type { Check, Fund, ProjectFacts } from './types.ts';

/** A priority school is in éducation prioritaire (REP+ or REP) or in a rural/isolated area. */
export function isPrioritySchool(project: Pick<ProjectFacts, 'priorityEducation' | 'rural'>): boolean {
  return project.priorityEducation !== 'none' || project.rural;
}

/** True when the fund is open on that day (validity bounds included). */
export function isFundActive(fund: Pick<Fund, 'validFrom' | 'validUntil'>, today: string): boolean {
  return fund.validFrom <= today && today <= fund.validUntil;
}

const listed = (values: string[]) => values.join(', ');

/**
 * Whether the fund may help the project on that day: the fund is active, the campaign is collecting and
 * every restriction of the fund matches (an empty restriction matches everything). Whether the fund still
 * has money is decided by the allocation, not here.
 */
export function checkEligibility(fund: Fund, project: ProjectFacts, today: string): Check {
  const { themes, academies, departements, levels, prioritySchoolsOnly } = fund.restrictions;
  const conditions = [
    {
      label: `fonds actif le ${frenchDate(today)} (du ${frenchDate(fund.validFrom)} au ${frenchDate(fund.validUntil)})`,
      met: isFundActive(fund, today),
    },
    { label: 'campagne en cours de collecte', met: project.published },
  ];
  if (themes.length > 0) {
    const label = THEME_LABELS[project.theme as Theme] ?? project.theme;
    conditions.push({ label: `thème « ${label} » retenu par le fonds`, met: themes.includes(project.theme) });
  }
  if (academies.length > 0) {
    conditions.push({
      label: `académie ${project.academy} parmi celles du fonds (${listed(academies)})`,
      met: academies.includes(project.academy),
    });
  }
  if (departements.length > 0) {
    conditions.push({
      label: `département ${project.departement} parmi ceux du fonds (${listed(departements)})`,
      met: departements.includes(project.departement),
    });
  }
  if (levels.length > 0) {
    conditions.push({
      label: `au moins un niveau du projet (${listed(project.levels)}) parmi ceux du fonds (${listed(levels)})`,
      met: project.levels.some((level) => levels.includes(level)),
    });
  }
  if (prioritySchoolsOnly) {
    conditions.push({ label: 'établissement prioritaire (REP+, REP ou rural)', met: isPrioritySchool(project) });
  }
  return { ok: conditions.every((condition) => condition.met), conditions };
}

/** True when the fund may help the project on that day (see checkEligibility for the reasons). */
export function isEligible(fund: Fund, project: ProjectFacts, today: string): boolean {
  return checkEligibility(fund, project, today).ok;
}
