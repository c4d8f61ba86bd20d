import { Switch } from '@mui/material';
import { DataTable, List, useNotify, useRecordContext, useRefresh } from 'react-admin';
import type { RaRecord } from 'react-admin';
import { fetchApi } from '../providers/http.ts';

/** An académie as GET /api/academies lists it. */
interface Academy extends RaRecord<string> {
  name: string;
  pilotEnabled: boolean;
  schoolCount: number;
  projectCount: number;
}

const Column = DataTable.Col<Academy>;

/** Adds the académie to the pilot or takes it out. */
const PilotSwitch = () => {
  const academy = useRecordContext<Academy>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!academy) return null;
  const toggle = async () => {
    try {
      await fetchApi(`/academies/${academy.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ pilotEnabled: !academy.pilotEnabled }),
      });
      notify(academy.pilotEnabled ? `${academy.name} retirée du pilote.` : `${academy.name} ajoutée au pilote.`, {
        type: 'success',
      });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Switch
      checked={academy.pilotEnabled}
      onChange={toggle}
      slotProps={{ input: { 'aria-label': `Pilote : ${academy.name}` } }}
    />
  );
};

/** The académies and which take part in the pilot (only theirs may publish projects); administrators only. */
export const AcademyList = () => (
  <List exporter={false} pagination={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="name" disableSort />
      <Column source="schoolCount" disableSort align="right" />
      <Column source="projectCount" disableSort align="right" />
      <Column source="pilotEnabled" disableSort>
        <PilotSwitch />
      </Column>
    </DataTable>
  </List>
);
