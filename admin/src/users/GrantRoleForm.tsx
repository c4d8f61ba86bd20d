import { Button, Stack, Typography } from '@mui/material';
import {
  AutocompleteInput,
  Form,
  FormDataConsumer,
  HttpError,
  ReferenceInput,
  SelectInput,
  required,
  useNotify,
  useRefresh,
} from 'react-admin';
import { ACADEMY_NAMES } from '../../../domain/format.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles.ts';
import { choicesOf } from '../choices.ts';
import { fetchApi } from '../providers/http.ts';

interface Grant {
  role: Role;
  schoolUai?: string | null;
  academyCode?: string | null;
  structureId?: number | null;
  fundId?: number | null;
}

const bySearch = (q: string) => ({ q });

/** The scope a role is granted with, chosen by name: a school, an académie, a structure or a fund. */
const ScopeInput = ({ role }: { role: Role | undefined }) => {
  switch (role) {
    case 'directeur':
      return (
        <ReferenceInput source="schoolUai" reference="schools" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput
            label="Établissement (nom, commune ou UAI)"
            optionText={(school: { name: string; commune: string; uai: string }) =>
              `${school.name}, ${school.commune} (${school.uai})`
            }
            filterToQuery={bySearch}
          />
        </ReferenceInput>
      );
    case 'validateur':
      return (
        <SelectInput
          source="academyCode"
          label="Académie (facultatif : toutes sinon)"
          choices={choicesOf(ACADEMY_NAMES)}
          emptyText="Toutes les académies"
        />
      );
    case 'gestionnaire':
      return (
        <ReferenceInput source="structureId" reference="structures" sort={{ field: 'legalName', order: 'ASC' }}>
          <AutocompleteInput label="Structure réceptrice" optionText="legalName" filterToQuery={bySearch} />
        </ReferenceInput>
      );
    case 'mecene':
      return (
        <ReferenceInput source="fundId" reference="funds" sort={{ field: 'name', order: 'ASC' }}>
          <AutocompleteInput label="Fonds" optionText="name" filterToQuery={bySearch} />
        </ReferenceInput>
      );
    default:
      return null;
  }
};

/** Grants a user one more role with its scope; a refusal shows under the field it concerns. */
export const GrantRoleForm = ({ userId }: { userId: number }) => {
  const notify = useNotify();
  const refresh = useRefresh();
  const grant = async (values: Partial<Grant>) => {
    const body = {
      role: values.role,
      schoolUai: values.role === 'directeur' ? (values.schoolUai ?? null) : null,
      academyCode: values.role === 'validateur' ? values.academyCode || null : null,
      structureId: values.role === 'gestionnaire' ? (values.structureId ?? null) : null,
      fundId: values.role === 'mecene' ? (values.fundId ?? null) : null,
    };
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
        <SelectInput
          source="role"
          label="Rôle"
          choices={ROLES.map((role) => ({ id: role, name: ROLE_LABELS[role] }))}
          validate={required()}
        />
        <FormDataConsumer<Grant>>{({ formData }) => <ScopeInput role={formData.role} />}</FormDataConsumer>
        <Button type="submit" variant="contained">
          Attribuer
        </Button>
      </Stack>
    </Form>
  );
};
