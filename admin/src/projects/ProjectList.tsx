import { DataTable, List, SearchInput, SelectInput, TextInput } from 'react-admin';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import type { Project } from '../types.ts';
import { ProjectStatusField } from './ProjectStatusField.tsx';

const Column = DataTable.Col<Project>;

const projectFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(PROJECT_STATUS_LABELS)} alwaysOn />,
  <TextInput key="academyCode" source="academyCode" />,
];

/** Projects, most recently moved first, with status, school and goals; filtered by status, académie or free text. */
export const ProjectList = () => (
  <List filters={projectFilters} perPage={25} sort={{ field: 'statusChangedAt', order: 'DESC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="status" field={ProjectStatusField} />
      <Column source="title" />
      <Column source="schoolName" disableSort />
      <Column source="academyCode" disableSort />
      <Column source="minimumGoalCents" field={EurosField} align="right" />
      <Column source="optimumGoalCents" field={EurosField} align="right" disableSort />
    </DataTable>
  </List>
);
