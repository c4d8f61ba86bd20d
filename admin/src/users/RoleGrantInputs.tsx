import { AutocompleteInput, FormDataConsumer, ReferenceInput, SelectInput, required } from 'react-admin';
import { ACADEMY_NAMES } from '../../../domain/format.ts';
import { ROLE_LABELS, ROLES, type Role } from '../../../domain/roles.ts';
import { choicesOf } from '../choices.ts';
import type { RoleGrantRequest as Grant } from '../../../contracts/users.ts';

/** The body the API takes for a grant: the role, and only the scope that role takes. */
export function grantBody(values: Partial<Grant>) {
  return {
    role: values.role,
    schoolUai: values.role === 'directeur' ? (values.schoolUai ?? null) : null,
    academyCode: values.role === 'validateur' ? values.academyCode || null : null,
    structureId: values.role === 'gestionnaire' ? (values.structureId ?? null) : null,
    fundId: values.role === 'mecene' ? (values.fundId ?? null) : null,
  };
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

/** The role to grant, then its scope chosen by name (the input changes with the role). */
export const RoleGrantInputs = () => (
  <>
    <SelectInput
      source="role"
      label="Rôle"
      choices={ROLES.map((role) => ({ id: role, name: ROLE_LABELS[role] }))}
      validate={required()}
    />
    {/* one input per role: a reference input kept across roles kept the first one's sort (a fund sorted by legalName) */}
    <FormDataConsumer<Grant>>
      {({ formData }) => <ScopeInput key={formData.role} role={formData.role} />}
    </FormDataConsumer>
  </>
);
