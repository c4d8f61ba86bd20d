import {
  BooleanInput,
  Create,
  DateInput,
  NumberInput,
  SelectArrayInput,
  SimpleForm,
  TextInput,
  required,
} from 'react-admin';
import { ACADEMY_NAMES } from '../../../domain/format.ts';
import { LEVELS, THEME_LABELS } from '../../../domain/projects.ts';
import { choicesOf } from '../choices.ts';

const toEuros = (cents: unknown) => (typeof cents === 'number' ? cents / 100 : cents);
const toCents = (euros: unknown) => (euros === '' || euros === null ? null : Math.round(Number(euros) * 100));

/** An admin opens a fund: its sponsor's budget is written to the ledger; its rules start from the defaults. */
export const FundCreate = () => (
  <Create redirect="show" title="Nouveau fonds">
    <SimpleForm>
      <TextInput source="name" validate={required()} fullWidth />
      <TextInput source="sponsorName" validate={required()} fullWidth />
      <NumberInput
        source="budgetCents"
        label="Budget (€)"
        validate={required()}
        format={toEuros}
        parse={toCents}
        min={0}
        step={0.01}
      />
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
      <BooleanInput
        source="restrictions.prioritySchoolsOnly"
        label="Écoles prioritaires seulement (REP, REP+, rural)"
      />
    </SimpleForm>
  </Create>
);
