import { Switch } from '@mui/material';
import { DataTable, List, useRecordContext } from 'react-admin';
import { useApiAction } from '../providers/useApiAction.ts';
import type { AcademyResponse as Academy } from '../../../contracts/academies.ts';

const Column = DataTable.Col<Academy>;

/** Adds the académie to the pilot or takes it out. */
const PilotSwitch = () => {
  const academy = useRecordContext<Academy>();
  const { sendNow } = useApiAction();
  if (!academy) return null;
  const toggle = () =>
    sendNow({
      method: 'PATCH',
      path: `/academies/${academy.id}`,
      body: { pilotEnabled: !academy.pilotEnabled },
      done: academy.pilotEnabled ? `${academy.name} retirée du pilote.` : `${academy.name} ajoutée au pilote.`,
    });
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
