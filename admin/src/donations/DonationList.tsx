import DownloadIcon from '@mui/icons-material/Download';
import { Button, Typography } from '@mui/material';
import {
  DataTable,
  DateField,
  List,
  SearchInput,
  SelectInput,
  TextInput,
  TopToolbar,
  useListContext,
  useRecordContext,
} from 'react-admin';
import type { FieldProps } from 'react-admin';
import type { DonationListItemResponse as Donation } from '../../../contracts/donations.ts';
import { formatEuros } from '../../../domain/format.ts';
import { DONATION_STATUS_LABELS } from '../../../domain/payments.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { StatusField, type StatusColors } from '../fields/StatusField.tsx';
import { CompactOnPhone } from '../fields/CompactOnPhone.tsx';

const Column = DataTable.Col<Donation>;

const STATUS_COLORS: StatusColors<string> = {
  pending: 'warning',
  paid: 'success',
  refund_requested: 'info',
  refunded: 'default',
  redirected: 'info',
  disputed: 'error',
  payment_failed: 'error',
};

const DonationStatusField = (props: FieldProps<Donation>) => (
  <StatusField {...props} labels={DONATION_STATUS_LABELS} colors={STATUS_COLORS} />
);

const donationFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(DONATION_STATUS_LABELS)} alwaysOn />,
  <TextInput key="projectId" source="projectId" />,
];

/** Downloads the donations the current filters select, as a CSV for Excel. */
const CsvExport = () => {
  const { filterValues } = useListContext();
  const query = new URLSearchParams(
    Object.entries(filterValues as Record<string, unknown>).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]],
    ),
  );
  return (
    <TopToolbar>
      <Button href={`/api/donations.csv?${query}`} download startIcon={<DownloadIcon />}>
        Exporter (CSV)
      </Button>
    </TopToolbar>
  );
};

/** The donor's details, for those who may see them. */
const DonationDetails = () => {
  const donation = useRecordContext<Donation>();
  if (!donation) return null;
  return (
    <Typography component="div" variant="body2">
      {donation.donorEmail ? <p>E-mail : {donation.donorEmail}</p> : null}
      {donation.companyName ? (
        <p>
          Entreprise : {donation.companyName} (SIREN {donation.siren})
        </p>
      ) : null}
      {donation.postalAddress ? <p>Adresse : {donation.postalAddress}</p> : null}
      <p>Reçu fiscal : {donation.wantsTaxReceipt ? 'demandé' : 'non demandé'}</p>
      <p>Si le projet échoue : {donation.failureChoice === 'redirect' ? 'réorienter vers le fonds' : 'rembourser'}</p>
    </Typography>
  );
};

/** Donations, newest first: admins see all, a gestionnaire their structures', a porteur their projects' donors. */
export const DonationList = () => (
  <List
    filters={donationFilters}
    perPage={25}
    sort={{ field: 'id', order: 'DESC' }}
    exporter={false}
    actions={<CsvExport />}
  >
    <CompactOnPhone<Donation>
      primary={(donation) => donation.donorName ?? 'Anonyme'}
      secondary={(donation) => donation.projectTitle ?? donation.fundName}
      tertiary={(donation) => (donation.amountCents === null ? '' : formatEuros(donation.amountCents))}
      linkType={false}
    >
      <DataTable rowClick="expand" expand={<DonationDetails />} bulkActionButtons={false}>
        <Column source="id" />
        <Column source="paidAt">
          <DateField source="paidAt" showTime locales="fr-FR" />
        </Column>
        <Column source="status" field={DonationStatusField} />
        <Column source="amountCents" align="right" field={EurosField} />
        <Column source="donorName" render={(donation) => donation.donorName ?? 'Anonyme'} />
        <Column source="projectTitle" disableSort render={(donation) => donation.projectTitle ?? donation.fundName} />
      </DataTable>
    </CompactOnPhone>
  </List>
);
