import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { Form, TextInput, TopToolbar, required } from 'react-admin';
import { useApiAction } from '../providers/useApiAction.ts';
import type { InviteRequest } from '../../../contracts/users.ts';
import { grantBody, RoleGrantInputs } from './RoleGrantInputs.tsx';

type Invitation = Partial<InviteRequest>;

/**
 * Opens an account with its role and its scope chosen by name, and e-mails its owner the link to choose a password;
 * a refusal keeps the dialog open, each error under its field.
 */
export const InviteButton = () => {
  const { submit } = useApiAction();
  const [open, setOpen] = useState(false);
  const [general, setGeneral] = useState<string>();
  const close = () => {
    setOpen(false);
    setGeneral(undefined);
  };
  const invite = (values: Invitation) =>
    submit(
      {
        path: '/users',
        body: { email: values.email, displayName: values.displayName, ...grantBody(values) },
        done: 'Invitation envoyée.',
        after: close,
      },
      setGeneral,
    );
  return (
    <TopToolbar>
      <Button variant="contained" onClick={() => setOpen(true)}>
        Inviter
      </Button>
      <Dialog open={open} onClose={close} fullWidth>
        <Form onSubmit={invite} defaultValues={{ role: 'directeur' }} disableInvalidFormNotification>
          <DialogTitle>Inviter une personne au back office</DialogTitle>
          <DialogContent>
            {general ? <Alert severity="error">{general}</Alert> : null}
            <Stack sx={{ mt: 1 }}>
              <TextInput source="email" label="Adresse e-mail" validate={required()} />
              <TextInput source="displayName" label="Prénom et nom" validate={required()} />
              <RoleGrantInputs />
            </Stack>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Annuler</Button>
            <Button type="submit" variant="contained">
              Inviter
            </Button>
          </DialogActions>
        </Form>
      </Dialog>
    </TopToolbar>
  );
};
