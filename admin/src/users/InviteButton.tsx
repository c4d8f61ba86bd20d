import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useState } from 'react';
import { Form, HttpError, TextInput, TopToolbar, required, useNotify, useRefresh } from 'react-admin';
import { fetchApi } from '../providers/http.ts';
import { grantBody, RoleGrantInputs, type Grant } from './RoleGrantInputs.tsx';

type Invitation = Partial<Grant> & { email?: string; displayName?: string };

/**
 * Opens an account with its role and its scope chosen by name, and e-mails its owner the link to choose a password;
 * a refusal keeps the dialog open, each error under its field.
 */
export const InviteButton = () => {
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [general, setGeneral] = useState<string>();
  const close = () => {
    setOpen(false);
    setGeneral(undefined);
  };
  const invite = async (values: Invitation) => {
    const body = { email: values.email, displayName: values.displayName, ...grantBody(values) };
    try {
      await fetchApi('/users', { method: 'POST', body: JSON.stringify(body) });
    } catch (error) {
      if (error instanceof HttpError && error.body?.errors) return error.body.errors as Record<string, string>;
      setGeneral((error as Error).message);
      return undefined;
    }
    close();
    notify('Invitation envoyée.', { type: 'success' });
    refresh();
    return undefined;
  };
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
