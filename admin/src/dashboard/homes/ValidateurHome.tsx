import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, plural } from '../../../../domain/format.ts';
import type { ValidateurHomeResponse as Summary } from '../../../../contracts/homes.ts';
import { REVIEW_SLA_WORKING_DAYS } from '../../../../domain/homes.ts';
import { ActLink, Figure, Figures, HomeSection, useHome, WideTable } from './HomeSection.tsx';

type Queued = Summary['queue'][number];

/** Where a review stands, in words: days left, the last day, or how late. */
function slaText(project: Queued): string {
  if (project.sla === 'overdue')
    return `En retard de ${plural(-project.workingDaysLeft, 'jour ouvré', 'jours ouvrés')}`;
  if (project.workingDaysLeft === 0) return 'À examiner aujourd’hui';
  return `${plural(project.workingDaysLeft, 'jour ouvré restant', 'jours ouvrés restants')}`;
}

/** A validateur's home: the review queue, oldest first, against the SLA in working days. */
export const ValidateurHome = () => {
  const { data } = useHome<Summary>('validateur');
  if (!data) return null;
  return (
    <HomeSection title="Projets à examiner">
      <Typography gutterBottom>
        {`Chaque projet soumis est examiné sous ${REVIEW_SLA_WORKING_DAYS} jours ouvrés.`}
      </Typography>
      <Figures>
        <Figure value={String(data.queue.length)} label="dans la file" to="/validation-queue" />
        <Figure value={String(data.dueSoon)} label="à examiner sous un jour" />
        <Figure value={String(data.overdue)} label="en retard" />
        <Figure
          value={String(data.reportsToReview)}
          label={plural(data.reportsToReview, 'bilan à examiner', 'bilans à examiner')}
        />
      </Figures>
      {data.queue.length > 0 ? (
        <WideTable>
          <Table size="small" aria-label="File d’examen et délai">
            <TableHead>
              <TableRow>
                <TableCell>Projet</TableCell>
                <TableCell>Établissement</TableCell>
                <TableCell>Soumis le</TableCell>
                <TableCell>Délai</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.queue.map((project) => (
                <TableRow key={project.id}>
                  <TableCell>
                    <ActLink to={`/projects/${project.id}/show`}>{project.title}</ActLink>
                  </TableCell>
                  <TableCell>{project.schoolName}</TableCell>
                  <TableCell>{formatDate(project.since)}</TableCell>
                  <TableCell sx={project.sla === 'on_time' ? undefined : { fontWeight: 700, color: 'error.dark' }}>
                    {slaText(project)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </WideTable>
      ) : (
        <Typography>Aucun projet n’attend d’examen.</Typography>
      )}
    </HomeSection>
  );
};
