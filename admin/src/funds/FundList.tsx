import { DataTable, List } from 'react-admin';
import { EurosField } from '../fields/EurosField.tsx';
import type { Fund } from '../types.ts';

const Column = DataTable.Col<Fund>;

/** Funds with their sponsor, budget and balances (available, reserved, committed); a row opens its fund. */
export const FundList = () => (
  <List perPage={25} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="name" />
      <Column source="sponsorName" disableSort />
      <Column source="budgetCents" field={EurosField} align="right" disableSort />
      <Column source="availableCents" field={EurosField} align="right" disableSort />
      <Column source="reservedCents" field={EurosField} align="right" disableSort />
      <Column source="committedCents" field={EurosField} align="right" disableSort />
    </DataTable>
  </List>
);
