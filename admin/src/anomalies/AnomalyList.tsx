import { Button } from '@mui/material';
import {
  BooleanInput,
  DataTable,
  DateField,
  List,
  useListContext,
  useRecordContext,
  useUnselectAll,
} from 'react-admin';
import { plural } from '../../../domain/format.ts';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import { ANOMALY_LABELS } from '../../../domain/payments.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import type {
  AnomaliesResolvedResponse,
  AnomalyIdsRequest,
  AnomalyResponse as Anomaly,
} from '../../../contracts/donations.ts';

const Column = DataTable.Col<Anomaly>;

/** Marks the anomaly as handled; the API's message is shown as it is when it refuses. */
const ResolveButton = () => {
  const anomaly = useRecordContext<Anomaly>();
  const { sendNow } = useApiAction();
  if (!anomaly || anomaly.resolvedAt) return null;
  const resolve = () =>
    sendNow({ path: `/payment-anomalies/${anomaly.id}/resolve`, done: 'Anomalie marquée comme traitée.' });
  return (
    <Button size="small" variant="outlined" onClick={resolve}>
      Marquer traitée
    </Button>
  );
};

/** Marks the selected anomalies handled, all or none, after a confirmation; those handled before stay so. */
const MarkHandledButton = () => {
  const { selectedIds } = useListContext<Anomaly>();
  const { send } = useApiAction<AnomaliesResolvedResponse>();
  const unselectAll = useUnselectAll('payment-anomalies');
  const count = selectedIds.length;
  const markHandled = () =>
    send({
      path: '/payment-anomalies/resolve',
      body: { ids: selectedIds } satisfies AnomalyIdsRequest,
      done: ({ resolved }) =>
        `${plural(resolved, 'anomalie marquée', 'anomalies marquées')} comme ${resolved > 1 ? 'traitées' : 'traitée'}.`,
      after: () => unselectAll(),
    });
  return (
    <ActionDialog
      label="Marquer traitées"
      title={`Marquer ${plural(count, 'anomalie')} comme ${count > 1 ? 'traitées' : 'traitée'} ?`}
      description="Elles quitteront la liste des anomalies à examiner (le filtre « Afficher aussi les anomalies traitées » les montre encore)."
      fields={[]}
      send={markHandled}
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
