import {
  Box,
  Card,
  CardContent,
  ImageList,
  ImageListItem,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useRecordContext } from 'react-admin';
import { formatDate, formatEuros, plural } from '../../../domain/format.ts';
import type { ProjectStatus } from '../../../domain/project-status.ts';
import { fetchApi } from '../providers/http.ts';
import type { Project } from '../types.ts';
import type { ProjectReportResponse as Report } from '../../../contracts/project-reports.ts';

const WITH_REPORT: readonly ProjectStatus[] = ['report_submitted', 'report_changes_requested', 'completed'];

/** The final report of the project on the page, read in full before « Accepter le bilan » is offered. */
export const FinalReport = () => {
  const project = useRecordContext<Project>();
  const submitted = project !== undefined && WITH_REPORT.includes(project.status);
  const { data: report } = useQuery({
    queryKey: ['report', project?.id],
    queryFn: ({ signal }) => fetchApi<Report>(`/projects/${project!.id}/report`, { signal }),
    enabled: submitted,
  });
  if (!project || !report) return null;
  const pupils = plural(report.pupilsReached, 'élève');
  const perLine = report.budgetLines.some((budgetLine) => budgetLine.spentCents !== null);
  return (
    <Card variant="outlined" sx={{ my: 2 }} component="section" aria-labelledby="final-report-title">
      <CardContent sx={{ display: 'grid', gap: 1 }}>
        <Typography id="final-report-title" variant="h6" component="h2">
          Bilan final{report.version > 1 ? ` (version ${report.version})` : ''}, déposé le{' '}
          {formatDate(report.submittedAt)}
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-line' }}>{report.whatWasDone}</Typography>
        <Typography variant="body2">
          <strong>Élèves concernés :</strong> {pupils} (prévus : {project.pupilCount ?? '—'})
        </Typography>
        <Typography variant="body2">
          <strong>Dépenses réelles :</strong> {formatEuros(report.actualSpendCents)} pour un budget prévu de{' '}
          {formatEuros(report.plannedCents)}
        </Typography>
        <Typography variant="body2">
          <strong>Retour d’expérience :</strong>{' '}
          {report.shareConsent
            ? 'le porteur accepte de partager ce bilan dans le centre de ressources'
            : 'le porteur ne souhaite pas partager ce bilan'}
        </Typography>
        {report.budgetLines.length > 0 ? (
          <Table size="small" aria-label={perLine ? 'Dépenses réelles par ligne du budget' : 'Budget prévu par ligne'}>
            <TableBody>
              {report.budgetLines.map((budgetLine, index) => (
                <TableRow key={index}>
                  <TableCell>{budgetLine.label}</TableCell>
                  <TableCell align="right">{formatEuros(budgetLine.amountCents)}</TableCell>
                  {perLine ? (
                    <TableCell align="right">
                      {budgetLine.spentCents === null ? '—' : `dépensé ${formatEuros(budgetLine.spentCents)}`}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ) : null}
        {report.photos.length === 0 ? (
          <Typography variant="body2">Aucune photo jointe.</Typography>
        ) : (
          <Box>
            <ImageList cols={3} gap={8}>
              {report.photos.map((photo) => (
                <ImageListItem key={photo.id}>
                  <img src={`/api/projects/${project.id}/documents/${photo.id}`} alt={photo.filename} loading="lazy" />
                </ImageListItem>
              ))}
            </ImageList>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};
