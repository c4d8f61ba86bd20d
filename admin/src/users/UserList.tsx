import { DataTable, List, SearchInput, TopToolbar, useNotify, useRefresh } from 'react-admin';
import { ROLE_LABELS, ROLES } from '../../../domain/roles.ts';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import { fetchApi } from '../providers/http.ts';
import type { User } from '../types.ts';
import { RoleChips } from './RoleChips.tsx';

const Column = DataTable.Col<User>;

const userFilters = [<SearchInput key="q" source="q" alwaysOn />];

/** Opens an account with its role and e-mails its owner the link to choose a password; a refusal shows in the dialog. */
const InviteButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const invite = async (values: Record<string, unknown>) => {
    const number = (value: unknown) => (value ? Number(value) : null);
    await fetchApi('/users', {
      method: 'POST',
      body: JSON.stringify({
        email: values.email,
        displayName: values.displayName,
        role: values.role,
        schoolUai: values.schoolUai ?? null,
        academyCode: values.academyCode ?? null,
        structureId: number(values.structureId),
        fundId: number(values.fundId),
      }),
    });
    notify('Invitation envoyée.', { type: 'success' });
    refresh();
  };
  return (
    <TopToolbar>
      <ActionDialog
        variant="contained"
        label="Inviter"
        title="Inviter une personne au back office"
        fields={[
          { name: 'email', label: 'Adresse e-mail' },
          { name: 'displayName', label: 'Prénom et nom' },
          { name: 'role', label: 'Rôle', options: ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] })) },
          { name: 'schoolUai', label: 'UAI de l’établissement (directeur)' },
          { name: 'academyCode', label: 'Académie (validateur d’une académie)' },
          { name: 'structureId', label: 'N° de la structure réceptrice (gestionnaire)', type: 'number' },
          { name: 'fundId', label: 'N° du fonds (mécène)', type: 'number' },
        ]}
        send={invite}
      />
    </TopToolbar>
  );
};

/** Accounts with their e-mail, display name and roles, searchable by e-mail or name (administrators only). */
export const UserList = () => (
  <List
    filters={userFilters}
    perPage={25}
    sort={{ field: 'email', order: 'ASC' }}
    exporter={false}
    actions={<InviteButton />}
  >
    <DataTable rowClick="show" bulkActionButtons={false}>
      <Column source="email" />
      <Column source="displayName" />
      <Column source="roles" disableSort render={(user) => <RoleChips roles={user.roles} />} />
    </DataTable>
  </List>
);
