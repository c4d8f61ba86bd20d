import { Stack } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { fetchApi } from '../providers/http.ts';
import type { RoleGrant, User } from '../types.ts';
import { GrantRoleForm } from './GrantRoleForm.tsx';
import { RoleChips } from './RoleChips.tsx';

/** The user's roles, each removable, and the form that grants one more. */
const Roles = () => {
  const user = useRecordContext<User>();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!user) return null;
  const revoke = async (grant: RoleGrant) => {
    try {
      await fetchApi(`/users/${user.id}/roles/${grant.id}`, { method: 'DELETE' });
      notify('Rôle retiré.', { type: 'success' });
      refresh();
    } catch (failure) {
      notify((failure as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack spacing={2}>
      <RoleChips roles={user.roles} onDelete={revoke} />
      <GrantRoleForm userId={user.id} />
    </Stack>
  );
};

/** One account and its roles, which an administrator grants and takes back. */
export const UserShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="displayName" />
      <TextField source="email" />
      <Roles />
    </SimpleShowLayout>
  </Show>
);
