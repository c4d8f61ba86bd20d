import { Button } from '@mui/material';
import { DataTable, DateField, List, useRecordContext } from 'react-admin';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import type { StuckProjectResponse as StuckProject } from '../../../contracts/lifecycle.ts';

const Column = DataTable.Col<StuckProject>;

/** Resumes the project's lifecycle: the failed step is tried again, or a stopped process starts afresh. */
const ResumeButton = () => {
  const project = useRecordContext<StuckProject>();
  const { sendNow } = useApiAction();
  if (!project) return null;
  const resume = () => sendNow({ path: `/projects/${project.id}/lifecycle/resume`, done: 'Processus relancé.' });
  return (
    <Button size="small" variant="outlined" onClick={resume}>
      Relancer
    </Button>
  );
};

/** Projects stuck on a failed step or whose process stopped before the end; admins resume them once fixed. */
export const StuckProjectList = () => (
  <List perPage={100} exporter={false} pagination={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="id" disableSort />
      <Column source="title" disableSort />
      <Column source="status" disableSort render={(project) => PROJECT_STATUS_LABELS[project.status]} />
      <Column
        source="kind"
        disableSort
        render={(project) => (project.kind === 'incident' ? 'Étape en échec' : 'Processus arrêté')}
      />
      <Column source="reason" disableSort />
      <Column source="since" disableSort>
        <DateField source="since" showTime locales="fr-FR" />
      </Column>
      <Column label="" disableSort>
        <ResumeButton />
      </Column>
    </DataTable>
  </List>
);
