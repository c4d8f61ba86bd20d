import { DataTable, DateField, List, SearchInput, SelectInput } from 'react-admin';
import type { StructureResponse as Structure } from '../../../contracts/structures.ts';
import { CompactOnPhone } from '../fields/CompactOnPhone.tsx';

const Column = DataTable.Col<Structure>;

const structureFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput
    key="bankDetails"
    source="bankDetails"
    label="Coordonnées bancaires"
    choices={[{ id: 'to_validate', name: 'À valider' }]}
    emptyText="Toutes"
    alwaysOn
  />,
];

/**
 * Receiving structures: every one for an admin, their own for a gestionnaire; searched by name, or only those whose
 * bank details await validation.
 */
export const StructureList = () => (
  <List sort={{ field: 'legalName', order: 'ASC' }} exporter={false} filters={structureFilters}>
    <CompactOnPhone<Structure>
      primary={(structure) => structure.legalName}
      secondary={(structure) => structure.schoolName}
      tertiary={(structure) => (structure.bankDetailsValidatedAt ? '' : 'coordonnées à valider')}
    >
      <DataTable bulkActionButtons={false} rowClick="show">
        <Column source="legalName" />
        <Column source="schoolName" disableSort />
        <Column source="iban" disableSort />
        <Column source="bankDetailsValidatedAt" disableSort>
          <DateField source="bankDetailsValidatedAt" locales="fr-FR" emptyText="à valider" />
        </Column>
      </DataTable>
    </CompactOnPhone>
  </List>
);
