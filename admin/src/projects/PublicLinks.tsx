import { Link, Stack } from '@mui/material';
import { useRecordContext } from 'react-admin';
import { BEFORE_PUBLICATION } from '../../../domain/project-status.ts';
import type { Project } from '../types.ts';

/** Once published: the link to the project's public page, and its printable flyer (PDF with the page's QR code). */
export const PublicLinks = () => {
  const project = useRecordContext<Project>();
  if (!project || BEFORE_PUBLICATION.includes(project.status) || project.status === 'cancelled') return null;
  return (
    <Stack direction="row" spacing={2} sx={{ my: 1, flexWrap: 'wrap' }}>
      <Link href={`/projets/${project.id}`} target="_blank" rel="noopener">
        Page publique du projet (/projets/{project.id})
      </Link>
      <Link href={`/api/projects/${project.id}/flyer.pdf`} target="_blank" rel="noopener">
        Affiche à imprimer avec QR code (PDF)
      </Link>
    </Stack>
  );
};
