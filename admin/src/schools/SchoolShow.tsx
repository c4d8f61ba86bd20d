import { BooleanField, FunctionField, NumberField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { academyName } from '../../../domain/format.ts';
import { SCHOOL_KIND_LABELS } from '../../../domain/schools.ts';
import { choicesOf } from '../choices.ts';
import { DEGREE_LABELS, PRIORITY_EDUCATION_LABELS, SECTOR_LABELS } from './labels.ts';

/** One school: identity, kind, location, sector and the markers that give its projects priority. */
export const SchoolShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="uai" />
      <TextField source="name" />
      <SelectField source="kind" choices={choicesOf(SCHOOL_KIND_LABELS)} />
      <SelectField source="degree" choices={choicesOf(DEGREE_LABELS)} />
      <SelectField source="sector" choices={choicesOf(SECTOR_LABELS)} />
      <FunctionField
        source="academyCode"
        render={(school: { academyCode: string }) => academyName(school.academyCode)}
      />
      <TextField source="departement" />
      <TextField source="commune" />
      <SelectField source="priorityEducation" choices={choicesOf(PRIORITY_EDUCATION_LABELS)} />
      <BooleanField source="rural" />
      <NumberField source="ips" locales="fr-FR" />
    </SimpleShowLayout>
  </Show>
);
