import {
  Create,
  Datagrid,
  DateField,
  Edit,
  EditButton,
  List,
  SelectField,
  TextField,
  useRecordContext,
} from 'react-admin';
import type { GuideResponse } from '../../../contracts/guides.ts';
import { Link } from '@mui/material';
import { GuideForm } from './GuideForm.tsx';

const STATUS_LABELS = [
  { id: 'draft', name: 'Brouillon' },
  { id: 'published', name: 'Publié' },
];

const PublicLink = () => {
  const guide = useRecordContext<GuideResponse>();
  if (guide?.status !== 'published') return null;
  return (
    <Link
      href={`/ressources/${guide.slug}`}
      target="_blank"
      rel="noopener"
      onClick={(event) => event.stopPropagation()}
    >
      Voir la page
    </Link>
  );
};

/** The resource centre's guides, drafts included, the last changed first. */
export const GuideList = () => (
  <List title="Ressources : guides" sort={{ field: 'updatedAt', order: 'DESC' }}>
    <Datagrid rowClick="edit" bulkActionButtons={false}>
      <TextField source="title" label="Titre" />
      <TextField source="slug" label="Adresse" />
      <SelectField source="status" label="Statut" choices={STATUS_LABELS} />
      <DateField source="updatedAt" label="Modifié le" showTime />
      <PublicLink />
      <EditButton label="Modifier" />
    </Datagrid>
  </List>
);

/** Writing a new guide, as a draft or published at once. */
export const GuideCreate = () => (
  <Create title="Nouveau guide" redirect="list">
    <GuideForm />
  </Create>
);

/** Changing a guide; publishing or unpublishing it through its status. */
export const GuideEdit = () => (
  <Edit title="Modifier le guide" mutationMode="pessimistic" redirect="list">
    <GuideForm />
  </Edit>
);
