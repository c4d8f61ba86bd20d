import DownloadIcon from '@mui/icons-material/Download';
import { Button } from '@mui/material';
import { DataTable, List, SelectInput, useListContext, useRecordContext, useUnselectAll } from 'react-admin';
import { receiptNumber } from '../../../domain/tax-receipts.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { StatusField } from '../fields/StatusField.tsx';
import { plural } from '../../../domain/format.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import { YearlyStatementsAction } from './YearlyStatements.tsx';
import type { CountResponse, ReceiptResponse as Receipt } from '../../../contracts/tax-receipts.ts';
import { DateText } from '../fields/DateText.tsx';

const STATUS_LABELS = { draft: 'Brouillon', validated: 'Validé', sent: 'Envoyé' };
const Column = DataTable.Col<Receipt>;

/** Validates or sends the selected receipts; the API's message is shown as it is when it refuses. */
const BulkAction = ({
  action,
  label,
  done,
}: {
  action: 'validate' | 'send';
  label: string;
  done: (count: number) => string;
}) => {
  const { selectedIds } = useListContext();
  const { sendNow } = useApiAction<CountResponse>();
  const unselectAll = useUnselectAll('tax-receipts');
  const run = () =>
    sendNow({
      path: `/tax-receipts/${action}`,
      body: { ids: selectedIds },
      done: ({ count }) => done(count),
      after: () => unselectAll(),
    });
  return (
    <Button size="small" onClick={run}>
      {label}
    </Button>
  );
};

const PdfLink = () => {
  const receipt = useRecordContext<Receipt>();
  if (!receipt || receipt.number === null) return null;
  return (
    <Button size="small" href={`/api/tax-receipts/${receipt.id}/pdf`} download startIcon={<DownloadIcon />}>
      PDF
    </Button>
  );
};

/**
 * The receipts of the gestionnaire's structure: drafts to validate (numbering), validated ones to send; admins also
 * send the yearly statements.
 */
export const ReceiptList = () => (
  <List
    filters={[<SelectInput key="status" source="status" choices={choicesOf(STATUS_LABELS)} alwaysOn />]}
    sort={{ field: 'id', order: 'ASC' }}
    exporter={false}
    actions={<YearlyStatementsAction />}
  >
    <DataTable
      rowClick={false}
      bulkActionButtons={
        <>
          <BulkAction
            action="validate"
            label="Valider"
            done={(count) => `${plural(count, 'reçu validé et numéroté', 'reçus validés et numérotés')}.`}
          />
          <BulkAction
            action="send"
            label="Envoyer"
            done={(count) => `${plural(count, 'reçu envoyé', 'reçus envoyés')} aux donateurs.`}
          />
        </>
      }
    >
      <Column
        source="number"
        disableSort
        render={(receipt) => (
          <span style={{ whiteSpace: 'nowrap' }}>
            {receipt.year && receipt.number ? receiptNumber(receipt.year, receipt.number) : '—'}
          </span>
        )}
      />
      <Column
        source="status"
        disableSort
        field={(props) => (
          <StatusField
            {...props}
            labels={STATUS_LABELS}
            colors={{ draft: 'warning', validated: 'info', sent: 'success' }}
          />
        )}
      />
      <Column source="donorName" disableSort />
      <Column source="amountCents" align="right" field={EurosField} />
      <Column source="paidAt">
        <DateText source="paidAt" />
      </Column>
      <Column source="projectTitle" disableSort />
      <Column source="structureName" disableSort />
      <Column label="" disableSort>
        <PdfLink />
      </Column>
    </DataTable>
  </List>
);
