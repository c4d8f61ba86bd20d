import { DateField, SelectField, Show, SimpleShowLayout, TextField } from 'react-admin';
import { THEME_LABELS } from '../../../domain/projects.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { ProjectStatusField } from './ProjectStatusField.tsx';

/** One project: what it is, who carries it, where, its goals and where its campaign stands. */
export const ProjectShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="title" />
      <ProjectStatusField source="status" />
      <TextField source="summary" />
      <SelectField source="theme" choices={choicesOf(THEME_LABELS)} />
      <TextField source="porteurName" />
      <TextField source="schoolName" />
      <TextField source="schoolUai" />
      <TextField source="academyCode" />
      <TextField source="departement" />
      <EurosField source="minimumGoalCents" />
      <EurosField source="optimumGoalCents" />
      <EurosField source="collectedCents" />
      <DateField source="campaignEndsAt" locales="fr-FR" />
      <DateField source="statusChangedAt" locales="fr-FR" showTime />
    </SimpleShowLayout>
  </Show>
);
