import { DataTable, List } from 'react-admin';
import { EurosField } from '../fields/EurosField.tsx';
import type { Fund } from '../types.ts';

const Column = DataTable.Col<Fund>;

/** Funds with their sponsor, budget and the balance still available for grants. */
export const FundList = () => (
  <List perPage={25} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <Column source="name" />
      <Column source="sponsorName" disableSort />
      <Column source="budgetCents" field={EurosField} align="right" disableSort />
      <Column source="availableCents" field={EurosField} align="right" disableSort />
    </DataTable>
  </List>
);
