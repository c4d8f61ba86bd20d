import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack } from '@mui/material';
import { DataTable, List, useRecordContext } from 'react-admin';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import { EurosField } from '../fields/EurosField.tsx';
import { plural } from '../../../domain/format.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import type { PayoutBatchResponse as Batch } from '../../../contracts/payouts.ts';
import { DateText } from '../fields/DateText.tsx';

const Column = DataTable.Col<Batch>;

/** The file to upload to the bank, and, once the bank has executed it, the confirmation. */
const BatchActions = () => {
  const batch = useRecordContext<Batch>();
  const { send } = useApiAction();
  if (!batch) return null;
  const confirm = () =>
    send({ path: `/payout-batches/${batch.id}/confirm`, done: 'Virements confirmés : les versements sont réglés.' });
  return (
    <Stack direction="row" spacing={1}>
      <Button size="small" href={`/api/payout-batches/${batch.id}/pain.001.xml`} download startIcon={<DownloadIcon />}>
        Fichier SEPA
      </Button>
      {batch.confirmedAt ? null : (
        <ActionDialog
          label="Confirmer l’exécution"
          title="La banque a-t-elle exécuté ces virements ?"
          description={`Confirmez seulement une fois le fichier ${batch.messageId} (${plural(batch.payoutCount, 'virement')}) exécuté par la banque : chaque versement sera marqué réglé et les reçus fiscaux de ses dons pourront être émis. Cette confirmation ne peut pas être annulée.`}
          fields={[]}
          send={confirm}
        />
      )}
    </Stack>
  );
};

/** Exported batches of transfers: download the pain.001 file, confirm once the bank has executed it. */
export const BatchList = () => (
  <List sort={{ field: 'id', order: 'DESC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="messageId" disableSort />
      <Column source="createdAt" disableSort>
        <DateText source="createdAt" showTime />
      </Column>
      <Column source="requestedExecutionDate" disableSort />
      <Column source="payoutCount" disableSort align="right" />
      <Column source="totalCents" disableSort align="right" field={EurosField} />
      <Column source="confirmedAt" disableSort>
        <DateText source="confirmedAt" showTime emptyText="—" />
      </Column>
      <Column label="" disableSort>
        <BatchActions />
      </Column>
    </DataTable>
  </List>
);
