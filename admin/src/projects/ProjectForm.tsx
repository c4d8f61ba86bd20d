import {
  ArrayInput,
  AutocompleteInput,
  ReferenceInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  SimpleFormIterator,
  TextInput,
  required,
} from 'react-admin';
import { LEVELS, THEME_LABELS } from '../../../domain/projects.ts';
import { choicesOf } from '../choices.ts';
import { eurosInput as euros } from '../fields/euros-input.ts';
import { SaveOnlyToolbar } from '../fields/SaveOnlyToolbar.tsx';
import { StructureInput } from './StructureInput.tsx';

/** The fields of a project as its porteur writes it; the API's refusals show under the fields they concern. */
const ProjectFields = () => (
  <SimpleForm toolbar={<SaveOnlyToolbar />}>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="summary" validate={required()} fullWidth multiline />
    <TextInput source="description" fullWidth multiline minRows={4} />
    <ReferenceInput
      source="schoolUai"
      reference="schools"
      sort={{ field: 'name', order: 'ASC' }}
      filter={{ porteurAcademy: 'true' }}
    >
      <AutocompleteInput
        optionText={(school: { name: string; commune: string; uai: string }) =>
          `${school.name}, ${school.commune} (${school.uai})`
        }
        filterToQuery={(q: string) => ({ q })}
        validate={required()}
        helperText="Un établissement de votre académie (nom, commune ou code UAI)"
      />
    </ReferenceInput>
    <StructureInput />
    <TextInput
      source="gestionnaireEmail"
      type="email"
      fullWidth
      parse={(value: string) => (value === '' ? null : value)}
      helperText="Le trésorier de la structure réceptrice : il reçoit un accès au back office quand le projet est accepté"
    />
    <SelectInput source="theme" choices={choicesOf(THEME_LABELS)} validate={required()} />
    <SelectArrayInput
      source="levels"
      choices={LEVELS.map((level) => ({ id: level, name: level }))}
      validate={required()}
    />
    <NumberInput source="pupilCount" validate={required()} min={1} />
    <DateInput source="activityStartsOn" validate={required()} />
    <DateInput source="activityEndsOn" validate={required()} />
    <NumberInput source="minimumGoalCents" label="Objectif minimum (€)" validate={required()} {...euros} />
    <NumberInput source="optimumGoalCents" label="Objectif optimal (€)" validate={required()} {...euros} />
    <NumberInput source="campaignDays" validate={required()} min={7} max={90} defaultValue={30} />
    <ArrayInput source="budgetLines">
      <SimpleFormIterator inline>
        <TextInput source="label" label="Libellé" helperText={false} />
        <NumberInput source="amountCents" label="Montant (€)" helperText={false} {...euros} />
      </SimpleFormIterator>
    </ArrayInput>
  </SimpleForm>
);

/** A porteur starts a project: it is saved as a draft, to submit when ready. */
export const ProjectCreate = () => (
  <Create redirect="show" title="Nouveau projet">
    <ProjectFields />
  </Create>
);

/** A porteur edits their draft, or answers a validator's change request. */
export const ProjectEdit = () => (
  <Edit redirect="show" mutationMode="pessimistic">
    <ProjectFields />
  </Edit>
);
