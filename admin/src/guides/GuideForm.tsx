import { SelectInput, SimpleForm, TextInput, required } from 'react-admin';
import { SaveOnlyToolbar } from '../fields/SaveOnlyToolbar.tsx';

const STATUSES = [
  { id: 'draft', name: 'Brouillon (invisible du public)' },
  { id: 'published', name: 'Publié sur /ressources' },
];

/** The fields of a guide: title, address, summary, Markdown text and whether it is published. */
export const GuideForm = () => (
  <SimpleForm toolbar={<SaveOnlyToolbar />}>
    <TextInput source="title" label="Titre" validate={required()} fullWidth />
    <TextInput
      source="slug"
      label="Adresse (/ressources/…)"
      helperText="Lettres minuscules sans accents, chiffres et tirets ; laissée vide, elle est tirée du titre."
      fullWidth
    />
    <TextInput source="summary" label="Résumé" multiline fullWidth />
    <TextInput
      source="bodyMarkdown"
      label="Texte (Markdown)"
      helperText="Titres avec #, listes avec -, liens [texte](https://…). Le HTML est affiché tel quel, jamais exécuté."
      validate={required()}
      multiline
      minRows={12}
      fullWidth
    />
    <SelectInput source="status" label="Statut" choices={STATUSES} defaultValue="draft" validate={required()} />
  </SimpleForm>
);
