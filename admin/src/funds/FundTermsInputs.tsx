import type { ReactNode } from 'react';
import { BooleanInput, DateInput, SelectArrayInput, TextInput, required } from 'react-admin';
import { ACADEMY_NAMES } from '../../../domain/format.ts';
import { LEVELS, THEME_LABELS } from '../../../domain/projects.ts';
import { choicesOf } from '../choices.ts';

/**
 * The inputs of a fund's terms, as an admin opens it and later changes it: its name and sponsor, then `children`
 * (the budget, when opening it), its validity and whom it may help.
 */
export const FundTermsInputs = ({ children }: { children?: ReactNode }) => (
  <>
    <TextInput source="name" validate={required()} fullWidth />
    <TextInput source="sponsorName" validate={required()} fullWidth />
    {children}
    <DateInput source="validFrom" validate={required()} />
    <DateInput source="validUntil" validate={required()} />
    <BooleanInput source="isGeneralSolidarity" />
    <SelectArrayInput source="restrictions.themes" label="Thèmes (tous si aucun)" choices={choicesOf(THEME_LABELS)} />
    <SelectArrayInput
      source="restrictions.academies"
      label="Académies (toutes si aucune)"
      choices={choicesOf(ACADEMY_NAMES)}
    />
    <SelectArrayInput
      source="restrictions.levels"
      label="Niveaux (tous si aucun)"
      choices={LEVELS.map((level) => ({ id: level, name: level }))}
    />
    <BooleanInput source="restrictions.prioritySchoolsOnly" label="Écoles prioritaires seulement (REP, REP+, rural)" />
  </>
);
