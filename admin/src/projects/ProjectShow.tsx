import { DateField, Labeled, SelectField, Show, SimpleShowLayout, TextField, usePermissions } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { THEME_LABELS } from '../../../domain/projects.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { GrantsTable } from '../funds/GrantsTable.tsx';
import { canSeeProjectGrants } from '../permissions.ts';
import { ProjectStatusField } from './ProjectStatusField.tsx';

/** The solidarity funds' grants to the project, each with why it was made (roles the API allows only). */
const ProjectGrants = () => {
  const { permissions } = usePermissions<Role[]>();
  if (!canSeeProjectGrants(permissions)) return null;
  return (
    <Labeled label="resources.projects.fields.grants" fullWidth>
      <GrantsTable of="projectId" />
    </Labeled>
  );
};

/** One project: what it is, who carries it, where, its goals, where its campaign stands and the funds' help. */
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
      <ProjectGrants />
    </SimpleShowLayout>
  </Show>
);
