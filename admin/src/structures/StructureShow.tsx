import { Alert, Button, Stack, TextField as Input, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { DateField, Show, SimpleShowLayout, TextField, usePermissions, useRecordContext } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { isAdmin } from '../permissions.ts';
import { useApiAction } from '../providers/useApiAction.ts';
import type { StructureResponse as Structure } from '../../../contracts/structures.ts';

const FIELDS = [
  ['legalName', 'Raison sociale'],
  ['siret', 'SIRET'],
  ['legalRepresentative', 'Représentant légal'],
  ['iban', 'IBAN'],
  ['bic', 'BIC'],
] as const;

/** The gestionnaire's form: legal and bank details, checked by the API, whose message is shown as it is. */
const DetailsForm = () => {
  const structure = useRecordContext<Structure>();
  const { sendNow } = useApiAction();
  const [error, setError] = useState('');
  if (!structure) return null;
  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    return sendNow(
      {
        method: 'PUT',
        path: `/structures/${structure.id}/bank-details`,
        body: Object.fromEntries(new FormData(event.currentTarget)),
        done: 'Coordonnées enregistrées. Un administrateur va les valider.',
        after: () => setError(''),
      },
      setError,
    );
  };
  return (
    <form onSubmit={save} aria-label="Coordonnées de la structure">
      <Stack spacing={2} sx={{ maxWidth: 520, mt: 2 }}>
        <Typography variant="h6">Coordonnées légales et bancaires</Typography>
        {error ? <Alert severity="error">{error}</Alert> : null}
        {FIELDS.map(([name, label]) => (
          <Input key={name} name={name} label={label} defaultValue={structure[name] ?? ''} size="small" />
        ))}
        <Button type="submit" variant="contained">
          Enregistrer
        </Button>
      </Stack>
    </form>
  );
};

/** An admin validates the bank details after checking the structure's RIB. */
const ValidateButton = () => {
  const structure = useRecordContext<Structure>();
  const { permissions } = usePermissions<Role[]>();
  const { sendNow } = useApiAction();
  if (!structure || structure.bankDetailsValidatedAt || !isAdmin(permissions)) return null;
  const validate = () =>
    sendNow({
      path: `/structures/${structure.id}/validate-bank-details`,
      body: { legalName: structure.legalName, iban: structure.iban, bic: structure.bic },
      done: 'Coordonnées bancaires validées.',
    });
  return (
    <Button variant="outlined" onClick={validate}>
      Valider les coordonnées bancaires
    </Button>
  );
};

/** A receiving structure: its details, their validation and the form to change them. */
export const StructureShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="legalName" />
      <TextField source="schoolName" />
      <TextField source="iban" emptyText="non saisi" />
      <DateField source="bankDetailsValidatedAt" locales="fr-FR" emptyText="à valider" />
      <ValidateButton />
      <DetailsForm />
    </SimpleShowLayout>
  </Show>
);
