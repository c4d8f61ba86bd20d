import { Typography } from '@mui/material';
import type { ReactNode } from 'react';
import {
  BooleanInput,
  DateInput,
  NumberInput,
  SelectArrayInput,
  TextArrayInput,
  TextInput,
  required,
} from 'react-admin';
import { ACADEMY_NAMES } from '../../../domain/format.ts';
import { DEFAULT_FUND_RULES } from '../../../domain/funds/defaults.ts';
import { LEVELS, THEME_LABELS } from '../../../domain/projects.ts';
import { choicesOf } from '../choices.ts';
import { eurosInput, percentInput } from '../fields/euros-input.ts';

/** Each allocation rule (DESIGN.md §Funds): its label and how it is typed. */
const RULES: [keyof typeof DEFAULT_FUND_RULES, string, object][] = [
  ['seedingShareBp', 'Amorçage : part de l’objectif minimum (%)', percentInput],
  ['seedingCapCents', 'Amorçage : plafond par projet (€)', eurosInput],
  ['topUpThresholdPct', 'Abondement : dès ce pourcentage du minimum collecté (%)', { min: 1, max: 100 }],
  ['topUpMinDonors', 'Abondement : donateurs au moins', { min: 0 }],
  ['topUpDaysLeft', 'Abondement : jours restants au plus', { min: 0 }],
  ['topUpCapCents', 'Abondement : plafond par projet (€)', eurosInput],
];

/** The allocation rules, the platform's defaults on a new fund. */
const RuleInputs = () => (
  <>
    <Typography component="h2" variant="subtitle1" sx={{ mt: 2 }}>
      Règles d’attribution
    </Typography>
    {RULES.map(([rule, label, typed]) => (
      <NumberInput
        key={rule}
        source={`rules.${rule}`}
        label={label}
        defaultValue={DEFAULT_FUND_RULES[rule]}
        validate={required()}
        {...typed}
      />
    ))}
  </>
);

/**
 * The inputs of a fund's terms, as an admin opens it and later changes it: its name and sponsor, then `children`
 * (the budget, when opening it), its validity, whom it may help and by what rules.
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
    <TextArrayInput
      source="restrictions.departements"
      label="Départements (tous si aucun)"
      helperText="Numéro du département, puis Entrée : 59, 62, 2A…"
    />
    <BooleanInput source="restrictions.prioritySchoolsOnly" label="Écoles prioritaires seulement (REP, REP+, rural)" />
    <RuleInputs />
  </>
);
