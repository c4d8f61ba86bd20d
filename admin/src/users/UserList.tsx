import { DataTable, List, SearchInput } from 'react-admin';
import { ROLE_LABELS } from '../../../domain/roles.ts';
import type { User } from '../types.ts';
import { InviteButton } from './InviteButton.tsx';
import { RoleChips } from './RoleChips.tsx';
import { CompactOnPhone } from '../fields/CompactOnPhone.tsx';

const Column = DataTable.Col<User>;

const userFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** Accounts with their e-mail, display name and roles, searchable by e-mail or name (administrators only). */
export const UserList = () => (
  <List
    filters={userFilters}
    perPage={25}
    sort={{ field: 'email', order: 'ASC' }}
    exporter={false}
    actions={<InviteButton />}
  >
    <CompactOnPhone<User>
      primary={(user) => user.displayName}
      secondary={(user) => user.email}
      tertiary={(user) => user.roles.map((grant) => ROLE_LABELS[grant.role]).join(', ')}
    >
      <DataTable rowClick="show" bulkActionButtons={false}>
        <Column source="email" />
        <Column source="displayName" />
        <Column source="roles" disableSort render={(user) => <RoleChips roles={user.roles} />} />
      </DataTable>
    </CompactOnPhone>
  </List>
);
