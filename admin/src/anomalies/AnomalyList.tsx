import { Button } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  DateField,
  List,
  useListContext,
  useNotify,
  useRecordContext,
  useRefresh,
  useUnselectAll,
} from 'react-admin';
import { plural } from '../../../domain/format.ts';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import type { RaRecord } from 'react-admin';
import { ANOMALY_LABELS, type AnomalyKind } from '../../../domain/payments.ts';
import { fetchApi } from '../providers/http.ts';

/** A payment anomaly as GET /api/payment-anomalies lists it. */
interface Anomaly extends RaRecord<number> {
  kind: AnomalyKind;
  donationId: number | null;
  message: string;
  createdAt: string;
  resolvedAt: string | null;
}

const Column = DataTable.Col<Anomaly>;

/** Marks the anomaly as handled; the API's message is shown as it is when it refuses. */
const ResolveButton = () => {
  const anomaly = useRecordContext<Anomaly>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!anomaly || anomaly.resolvedAt) return null;
  const resolve = async () => {
    try {
      await fetchApi(`/payment-anomalies/${anomaly.id}/resolve`, { method: 'POST' });
      notify('Anomalie marquée comme traitée.', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Button size="small" variant="outlined" onClick={resolve}>
      Marquer traitée
    </Button>
  );
};

/** Marks the selected anomalies handled, all or none, after a confirmation; those handled before stay so. */
const MarkHandledButton = () => {
  const { selectedIds } = useListContext<Anomaly>();
  const notify = useNotify();
  const refresh = useRefresh();
  const unselectAll = useUnselectAll('payment-anomalies');
  const count = selectedIds.length;
  const send = async () => {
    const { resolved } = await fetchApi<{ resolved: number }>('/payment-anomalies/resolve', {
      method: 'POST',
      body: JSON.stringify({ ids: selectedIds }),
    });
    const done = resolved > 1 ? 'traitées' : 'traitée';
    notify(`${plural(resolved, 'anomalie marquée', 'anomalies marquées')} comme ${done}.`, { type: 'success' });
    unselectAll();
    refresh();
  };
  return (
    <ActionDialog
      label="Marquer traitées"
      title={`Marquer ${plural(count, 'anomalie')} comme ${count > 1 ? 'traitées' : 'traitée'} ?`}
      description="Elles quitteront la liste des anomalies à examiner (le filtre « Afficher aussi les anomalies traitées » les montre encore)."
      fields={[]}
      send={send}
    />
  );
};

/** Payment anomalies to look at (amounts that differ, unknown payments, disputes…), newest first; admins only. */
export const AnomalyList = () => (
  <List
    filters={[<BooleanInput key="all" source="all" label="Afficher aussi les anomalies traitées" alwaysOn />]}
    perPage={25}
    sort={{ field: 'createdAt', order: 'DESC' }}
    exporter={false}
  >
    <DataTable bulkActionButtons={<MarkHandledButton />} rowClick={false}>
      <Column source="createdAt">
        <DateField source="createdAt" showTime locales="fr-FR" />
      </Column>
      <Column source="kind" disableSort render={(anomaly) => ANOMALY_LABELS[anomaly.kind] ?? anomaly.kind} />
      <Column source="donationId" disableSort />
      <Column source="message" disableSort />
      <Column label="" disableSort>
        <ResolveButton />
      </Column>
    </DataTable>
  </List>
);
