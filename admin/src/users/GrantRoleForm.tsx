import { Button, Stack, Typography } from '@mui/material';
import { Form } from 'react-admin';
import { useApiAction } from '../providers/useApiAction.ts';
import type { RoleGrantRequest as Grant } from '../../../contracts/users.ts';
import { grantBody, RoleGrantInputs } from './RoleGrantInputs.tsx';

/** Grants a user one more role with its scope; a refusal shows under the field it concerns. */
export const GrantRoleForm = ({ userId }: { userId: number }) => {
  const { submit } = useApiAction();
  const grant = (values: Partial<Grant>) =>
    submit({ path: `/users/${userId}/roles`, body: grantBody(values), done: 'Rôle attribué.' });
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
