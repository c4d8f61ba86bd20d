import { SaveButton, Toolbar } from 'react-admin';

/** A form's toolbar without react-admin's « Supprimer »: for records the API never deletes (projects, funds, guides). */
export const SaveOnlyToolbar = () => (
  <Toolbar>
    <SaveButton />
  </Toolbar>
);
