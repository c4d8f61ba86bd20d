import { List, ListItem, ListItemText, Typography } from '@mui/material';
import { formatDate, plural } from '../../../../domain/format.ts';
import type { DirecteurHomeResponse as Summary } from '../../../../contracts/homes.ts';
import { ActLink, HomeSection, useHome } from './HomeSection.tsx';

/** A directeur's home: the projects of their school waiting for their attestation, each linked to its page. */
export const DirecteurHome = () => {
  const { data } = useHome<Summary>('directeur');
  if (!data) return null;
  const count = data.attestations.length;
  return (
    <HomeSection title="Attestations à donner">
      <Typography gutterBottom>
        {count === 0
          ? 'Aucun projet n’attend votre attestation.'
          : `${plural(count, 'projet attend', 'projets attendent')} votre attestation des autorisations.`}
      </Typography>
      <List dense>
        {data.attestations.map((project) => (
          <ListItem key={project.id} disableGutters>
            <ListItemText
              primary={<ActLink to={`/projects/${project.id}/show`}>{`Attester « ${project.title} »`}</ActLink>}
              secondary={`${project.schoolName} — en attente depuis le ${formatDate(project.since)}`}
            />
          </ListItem>
        ))}
      </List>
    </HomeSection>
  );
};
