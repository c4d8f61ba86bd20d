import DownloadIcon from '@mui/icons-material/Download';
import SendIcon from '@mui/icons-material/Send';
import { Button } from '@mui/material';
import { useState } from 'react';
import { DataTable, List, SelectInput, TopToolbar, type HttpError } from 'react-admin';
import { formatEuros, plural } from '../../../domain/format.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { StatusField } from '../fields/StatusField.tsx';
import { useApiAction } from '../providers/useApiAction.ts';
import type { ExportResponse, PayoutResponse as Payout } from '../../../contracts/payouts.ts';
import { DateText } from '../fields/DateText.tsx';

export const PAYOUT_STATUS_LABELS = { recorded: 'À exporter', exported: 'Exporté', confirmed: 'Exécuté' };
const Column = DataTable.Col<Payout>;

type LeftOut = Pick<ExportResponse['leftOut'][number], 'reason'>[];
const reasons = (leftOut: LeftOut = []) => leftOut.map((payout) => ` ${payout.reason}`).join('');

/** Exports every ready payout into one SEPA file and offers it; says what was left out and why, as the API does. */
const ExportButton = () => {
  const { sendNow, pending } = useApiAction<ExportResponse>();
  const [batchId, setBatchId] = useState<number>();
  const exportAll = () =>
    sendNow({
      path: '/payout-batches',
      done: (result) =>
        `${plural(result.exported, 'virement exporté', 'virements exportés')}, ${formatEuros(result.totalCents)}.${reasons(result.leftOut)}`,
      after: (result) => setBatchId(result.batchId),
      refusal: (error) => `${error.message}${reasons((error as HttpError).body?.details?.leftOut)}`,
    });
  return (
    <TopToolbar>
      {batchId ? (
        <Button href={`/api/payout-batches/${batchId}/pain.001.xml`} download startIcon={<DownloadIcon />}>
          Télécharger le fichier SEPA
        </Button>
      ) : null}
      <Button variant="contained" startIcon={<SendIcon />} onClick={exportAll} disabled={pending}>
        Exporter les virements
      </Button>
    </TopToolbar>
  );
};

/** Payouts owed to receiving structures, and the export of the ready ones as a SEPA file (treasurer). */
export const PayoutList = () => (
  <List
    filters={[<SelectInput key="status" source="status" choices={choicesOf(PAYOUT_STATUS_LABELS)} alwaysOn />]}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    actions={<ExportButton />}
    empty={false}
  >
    <DataTable bulkActionButtons={false} rowClick={false}>
      <Column source="id" />
      <Column source="createdAt">
        <DateText source="createdAt" />
      </Column>
      <Column
        source="status"
        disableSort
        field={(props) => (
          <StatusField
            {...props}
            labels={PAYOUT_STATUS_LABELS}
            colors={{ recorded: 'warning', confirmed: 'success' }}
          />
        )}
      />
      <Column source="projectTitle" disableSort />
      <Column source="structureName" disableSort />
      <Column
        source="bankDetailsValidated"
        disableSort
        render={(payout) => (payout.bankDetailsValidated ? 'validé' : 'à valider')}
      />
      <Column source="amountCents" disableSort align="right" field={EurosField} />
      <Column source="batchId" disableSort />
    </DataTable>
  </List>
);
