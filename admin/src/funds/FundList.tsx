import { CreateButton, DataTable, List, TopToolbar, usePermissions } from 'react-admin';
import { formatEuros } from '../../../domain/format.ts';
import type { Role } from '../../../domain/roles.ts';
import { CompactOnPhone } from '../fields/CompactOnPhone.tsx';
import { isAdmin } from '../permissions.ts';
import { EurosField } from '../fields/EurosField.tsx';
import type { Fund } from '../types.ts';

const Column = DataTable.Col<Fund>;

/** Admins open funds; mécènes only read theirs. */
const FundListActions = () => {
  const { permissions } = usePermissions<Role[]>();
  return <TopToolbar>{isAdmin(permissions) ? <CreateButton label="Nouveau fonds" /> : null}</TopToolbar>;
};

/** Funds with their sponsor, budget and balances, one line each on a phone; a row opens its fund. */
export const FundList = () => (
  <List perPage={25} sort={{ field: 'name', order: 'ASC' }} exporter={false} actions={<FundListActions />}>
    <CompactOnPhone<Fund>
      primary={(fund) => fund.name}
      secondary={(fund) => fund.sponsorName}
      tertiary={(fund) => `${formatEuros(fund.availableCents)} disponibles`}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="name" />
        <Column source="sponsorName" disableSort />
        <Column source="budgetCents" field={EurosField} align="right" disableSort />
        <Column source="availableCents" field={EurosField} align="right" disableSort />
        <Column source="reservedCents" field={EurosField} align="right" disableSort />
        <Column source="committedCents" field={EurosField} align="right" disableSort />
      </DataTable>
    </CompactOnPhone>
  </List>
);
