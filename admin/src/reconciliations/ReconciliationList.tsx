import { Alert, Button, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { DataTable, List, TopToolbar, useRecordContext } from 'react-admin';
import { EurosField } from '../fields/EurosField.tsx';
import { fetchApi } from '../providers/http.ts';
import { plural } from '../../../domain/format.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import type { ModeResponse, RunResponse as Run } from '../../../contracts/reconciliations.ts';
import { DateText } from '../fields/DateText.tsx';

const Column = DataTable.Col<Run>;

const Differences = () => {
  const run = useRecordContext<Run>();
  if (!run) return null;
  if (run.differences.length === 0)
    return <Typography variant="body2">Aucun écart : le grand livre et Stripe concordent.</Typography>;
  const untold = run.differenceCount - run.differences.length;
  return (
    <>
      <ul>
        {run.differences.map((difference, index) => (
          <li key={index}>
            <Typography variant="body2">{difference.message}</Typography>
          </li>
        ))}
      </ul>
      {untold > 0 ? (
        <Typography variant="body2">
          … et {untold} autres écarts : le grand livre et Stripe divergent dans l’ensemble sur cette période.
        </Typography>
      ) : null}
      <Typography variant="caption">
        Chaque écart figure aussi dans « Anomalies de paiement », une seule fois, jusqu’à ce qu’il soit traité.
      </Typography>
    </>
  );
};

const RunNow = () => {
  const { sendNow } = useApiAction<Run>();
  const run = () =>
    sendNow({
      path: '/reconciliations',
      body: { days: 2 },
      done: ({ differenceCount }) => ({
        message: `Rapprochement fait : ${plural(differenceCount, 'écart')}.`,
        type: differenceCount ? 'warning' : 'success',
      }),
    });
  return (
    <TopToolbar>
      <Button variant="outlined" onClick={run}>
        Rapprocher maintenant
      </Button>
    </TopToolbar>
  );
};

/** Against stripe-mock, which keeps no payment, every payment differs: the page says so. */
const StripeMockNotice = () => {
  const { data } = useQuery({
    queryKey: ['reconciliation-mode'],
    queryFn: ({ signal }) => fetchApi<ModeResponse>('/reconciliation-mode', { signal }),
  });
  if (!data?.stripeMock) return null;
  return (
    <Alert severity="warning" sx={{ mt: 1 }}>
      Stripe est ici simulé par stripe-mock, qui ne garde aucun paiement : chaque paiement du grand livre y paraît
      inconnu de Stripe. Les écarts de cette page ne signalent donc rien de réel, et le rapprochement quotidien n’est
      pas planifié dans ce mode.
    </Alert>
  );
};

/** The daily reconciliation of the ledger with Stripe: totals on each side and every difference (admins). */
export const ReconciliationList = () => (
  <List sort={{ field: 'ranAt', order: 'DESC' }} exporter={false} actions={<RunNow />} empty={false}>
    <StripeMockNotice />
    <DataTable rowClick="expand" expand={<Differences />} bulkActionButtons={false}>
      <Column source="ranAt">
        <DateText source="ranAt" showTime />
      </Column>
      <Column source="periodStart" disableSort>
        <DateText source="periodStart" showTime />
      </Column>
      <Column source="periodEnd" disableSort>
        <DateText source="periodEnd" showTime />
      </Column>
      <Column source="ledgerPaidCents" disableSort align="right" field={EurosField} />
      <Column source="stripePaidCents" disableSort align="right" field={EurosField} />
      <Column source="ledgerRefundedCents" disableSort align="right" field={EurosField} />
      <Column source="stripeRefundedCents" disableSort align="right" field={EurosField} />
      <Column source="comparedCount" disableSort align="right" />
      <Column source="differenceCount" disableSort align="right" />
    </DataTable>
  </List>
);
