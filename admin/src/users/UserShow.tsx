import { Alert, Button, MenuItem, Stack, TextField as Input, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Show, SimpleShowLayout, TextField, useNotify, useRecordContext, useRefresh } from 'react-admin';
import { ROLE_LABELS, ROLES } from '../../../domain/roles.ts';
import { fetchApi } from '../providers/http.ts';
import type { RoleGrant, User } from '../types.ts';
import { RoleChips } from './RoleChips.tsx';

const SCOPES = [
  ['schoolUai', 'UAI de l’établissement (directeur)'],
  ['academyCode', 'Code de l’académie (validateur d’une académie)'],
  ['structureId', 'N° de la structure réceptrice (gestionnaire)'],
  ['fundId', 'N° du fonds (mécène)'],
] as const;

/** The user's roles, each removable, and the form that grants one more; the API's message is shown as it is. */
const Roles = () => {
  const user = useRecordContext<User>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [error, setError] = useState('');
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
  const grant = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    const body = {
      role: form.role,
      schoolUai: form.schoolUai || null,
      academyCode: form.academyCode || null,
      structureId: form.structureId ? Number(form.structureId) : null,
      fundId: form.fundId ? Number(form.fundId) : null,
    };
    try {
      await fetchApi(`/users/${user.id}/roles`, { method: 'POST', body: JSON.stringify(body) });
      setError('');
      notify('Rôle attribué.', { type: 'success' });
      refresh();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <Stack spacing={2}>
      <RoleChips roles={user.roles} onDelete={revoke} />
      <form onSubmit={grant} aria-label="Attribuer un rôle">
        <Stack spacing={2} sx={{ maxWidth: 480 }}>
          <Typography variant="subtitle1">Attribuer un rôle</Typography>
          {error ? <Alert severity="error">{error}</Alert> : null}
          <Input select name="role" label="Rôle" defaultValue="directeur" size="small">
            {ROLES.map((role) => (
              <MenuItem key={role} value={role}>
                {ROLE_LABELS[role]}
              </MenuItem>
            ))}
          </Input>
          {SCOPES.map(([name, label]) => (
            <Input key={name} name={name} label={label} size="small" />
          ))}
          <Button type="submit" variant="contained">
            Attribuer
          </Button>
        </Stack>
      </form>
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
