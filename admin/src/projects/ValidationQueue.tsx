import { Chip } from '@mui/material';
import { DataTable, List, useRecordContext } from 'react-admin';
import type { Project } from '../types.ts';
import { DateText } from '../fields/DateText.tsx';

const Column = DataTable.Col<Project>;

/** The review SLA: 5 working days, i.e. a week (DESIGN.md §Lifecycle). */
const SLA_DAYS = 7;

/** How long the project has waited, against the SLA: green, amber in its last two days, red once past it. */
const SlaField = () => {
  const project = useRecordContext<Project>();
  if (!project) return null;
  const days = Math.floor((Date.now() - new Date(project.statusChangedAt).getTime()) / 86_400_000);
  const color = days > SLA_DAYS ? 'error' : days >= SLA_DAYS - 2 ? 'warning' : 'success';
  const label = days > SLA_DAYS ? `En retard (${days} j)` : `${days} j sur ${SLA_DAYS}`;
  return <Chip size="small" color={color} label={label} />;
};

/** Submitted projects, oldest first, with how long each has waited against the review SLA. */
export const ValidationQueue = () => (
  <List sort={{ field: 'statusChangedAt', order: 'ASC' }} exporter={false} title="File de validation" empty={false}>
    <DataTable rowClick={(id) => `/projects/${id}/show`} bulkActionButtons={false}>
      <Column label="Délai d’examen" disableSort>
        <SlaField />
      </Column>
      <Column source="statusChangedAt" label="Soumis le">
        <DateText source="statusChangedAt" showTime />
      </Column>
      <Column source="title" />
      <Column source="schoolName" disableSort />
      <Column source="porteurName" disableSort />
    </DataTable>
  </List>
);
