import { Button, Stack, Typography } from '@mui/material';
import { Form, HttpError, useNotify, useRefresh } from 'react-admin';
import { fetchApi } from '../providers/http.ts';
import { grantBody, RoleGrantInputs, type Grant } from './RoleGrantInputs.tsx';

/** Grants a user one more role with its scope; a refusal shows under the field it concerns. */
export const GrantRoleForm = ({ userId }: { userId: number }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const grant = async (values: Partial<Grant>) => {
    const body = grantBody(values);
    try {
      await fetchApi(`/users/${userId}/roles`, { method: 'POST', body: JSON.stringify(body) });
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors) return error.body.errors as Record<string, string>;
      notify((error as Error).message, { type: 'error' });
      return undefined;
    }
    notify('Rôle attribué.', { type: 'success' });
    refresh();
    return undefined;
  };
  return (
    <Form onSubmit={grant} defaultValues={{ role: 'directeur' }}>
      <Stack sx={{ maxWidth: 480 }}>
        <Typography variant="subtitle1">Attribuer un rôle</Typography>
        <RoleGrantInputs />
        <Button type="submit" variant="contained">
          Attribuer
        </Button>
      </Stack>
    </Form>
  );
};
