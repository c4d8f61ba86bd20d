import { Alert, Button, Stack, TextField as Input, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import {
  DateField,
  Show,
  SimpleShowLayout,
  TextField,
  useNotify,
  usePermissions,
  useRecordContext,
  useRefresh,
} from 'react-admin';
import type { RaRecord } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { fetchApi } from '../providers/http.ts';

/** A receiving structure as GET /api/structures/{id} returns it. */
export interface Structure extends RaRecord<number> {
  legalName: string;
  schoolName: string;
  siret: string | null;
  legalRepresentative: string | null;
  iban: string | null;
  bic: string | null;
  bankDetailsValidatedAt: string | null;
}

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
  const notify = useNotify();
  const refresh = useRefresh();
  const [error, setError] = useState('');
  if (!structure) return null;
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = Object.fromEntries(new FormData(event.currentTarget));
    try {
      await fetchApi(`/structures/${structure.id}/bank-details`, { method: 'PUT', body: JSON.stringify(values) });
      setError('');
      notify('Coordonnées enregistrées. Un administrateur va les valider.', { type: 'success' });
      refresh();
    } catch (failure) {
      setError((failure as Error).message);
    }
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
  const notify = useNotify();
  const refresh = useRefresh();
  if (!structure || structure.bankDetailsValidatedAt || !permissions?.includes('admin')) return null;
  const validate = async () => {
    try {
      const reviewed = { legalName: structure.legalName, iban: structure.iban, bic: structure.bic };
      await fetchApi(`/structures/${structure.id}/validate-bank-details`, {
        method: 'POST',
        body: JSON.stringify(reviewed),
      });
      notify('Coordonnées bancaires validées.', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
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
