import type { Degree, PriorityEducation, Sector } from '../../../domain/schools.ts';

/** French labels of the éducation prioritaire status. */
export const PRIORITY_EDUCATION_LABELS: Record<PriorityEducation, string> = {
  none: 'Hors éducation prioritaire',
  rep: 'REP',
  rep_plus: 'REP+',
};

/** French labels of the school's sector. */
export const SECTOR_LABELS: Record<Sector, string> = {
  public: 'Public',
  prive_sous_contrat: 'Privé sous contrat',
};

/** French labels of the degree. */
export const DEGREE_LABELS: Record<Degree, string> = {
  premier: '1er degré',
  second: '2nd degré',
};
