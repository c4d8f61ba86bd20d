import { Stack } from '@mui/material';
import { Show, SimpleShowLayout, TextField, useRecordContext } from 'react-admin';
import { useApiAction } from '../providers/useApiAction.ts';
import type { RoleGrant, User } from '../types.ts';
import { GrantRoleForm } from './GrantRoleForm.tsx';
import { RoleChips } from './RoleChips.tsx';

/** The user's roles, each removable, and the form that grants one more. */
const Roles = () => {
  const user = useRecordContext<User>();
  const { sendNow } = useApiAction();
  if (!user) return null;
  const revoke = (grant: RoleGrant) =>
    sendNow({ method: 'DELETE', path: `/users/${user.id}/roles/${grant.id}`, done: 'Rôle retiré.' });
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
