import {
  Card,
  CardContent,
  Link as MuiLink,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { CreateButton, Link, useGetList } from 'react-admin';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import { NEXT_STEPS } from '../projects/NextStep.tsx';
import type { Project } from '../types.ts';
import { WideTable } from './homes/HomeSection.tsx';

/** A porteur's home: each of their projects with what it waits for now, and a way to start another. */
export const PorteurProjects = () => {
  const { data: projects } = useGetList<Project>('projects', {
    pagination: { page: 1, perPage: 50 },
    sort: { field: 'statusChangedAt', order: 'DESC' },
  });
  return (
    <Card sx={{ mt: 2 }} component="section" aria-labelledby="porteur-projects">
      <CardContent>
        <Typography id="porteur-projects" variant="h6" component="h2" gutterBottom>
          Vos projets
        </Typography>
        {projects && projects.length === 0 ? (
          <Typography gutterBottom>Vous n’avez pas encore de projet : commencez par un brouillon.</Typography>
        ) : null}
        {projects && projects.length > 0 ? (
          <WideTable>
            <Table size="small" aria-label="Vos projets et leur prochaine étape">
              <TableHead>
                <TableRow>
                  <TableCell>Projet</TableCell>
                  <TableCell>Statut</TableCell>
                  <TableCell>Prochaine étape</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {projects.map((project) => (
                  <TableRow key={project.id}>
                    <TableCell>
                      <MuiLink component={Link} to={`/projects/${project.id}/show`}>
                        {project.title}
                      </MuiLink>
                    </TableCell>
                    <TableCell>{PROJECT_STATUS_LABELS[project.status]}</TableCell>
                    <TableCell>{NEXT_STEPS[project.status].text}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </WideTable>
        ) : null}
        <CreateButton resource="projects" label="Nouveau projet" sx={{ mt: 2 }} />
      </CardContent>
    </Card>
  );
};
