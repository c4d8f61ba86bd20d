import { DataTable, DateField, List } from 'react-admin';
import type { Structure } from './StructureShow.tsx';

const Column = DataTable.Col<Structure>;

/** Receiving structures: every one for an admin, their own for a gestionnaire. */
export const StructureList = () => (
  <List sort={{ field: 'legalName', order: 'ASC' }} exporter={false}>
    <DataTable bulkActionButtons={false} rowClick="show">
      <Column source="legalName" />
      <Column source="schoolName" disableSort />
      <Column source="iban" disableSort />
      <Column source="bankDetailsValidatedAt" disableSort>
        <DateField source="bankDetailsValidatedAt" locales="fr-FR" emptyText="à valider" />
      </Column>
    </DataTable>
  </List>
);
