import { Alert, type AlertColor } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import type { ProjectStatus } from '../../../domain/project-status.ts';
import { fetchApi } from '../providers/http.ts';
import type { TimelineEntryResponse as TimelineEntry } from '../../../contracts/lifecycle.ts';

/** The project's status changes, oldest first (read again when its status changes). */
export const useTimeline = (projectId: number | undefined, status: ProjectStatus | undefined) =>
  useQuery({
    queryKey: ['timeline', projectId, status],
    queryFn: ({ signal }) => fetchApi<TimelineEntry[]>(`/projects/${projectId}/timeline`, { signal }),
    enabled: projectId !== undefined,
  });

/** What each status waits for, and from whom. */
export const NEXT_STEPS: Record<ProjectStatus, { text: string; severity: AlertColor }> = {
  draft: { text: 'Brouillon : le porteur le complète puis le soumet à la validation.', severity: 'info' },
  submitted: { text: 'En attente de l’examen d’un validateur.', severity: 'info' },
  changes_requested: {
    text: 'Modifications demandées : le porteur modifie le projet puis le soumet à nouveau.',
    severity: 'warning',
  },
  rejected: { text: 'Projet refusé.', severity: 'error' },
  accepted: { text: 'Accepté : l’attestation du chef d’établissement va être demandée.', severity: 'info' },
  awaiting_attestation: {
    text: 'En attente de l’attestation du chef d’établissement (accords de l’IEN et du DASEN au 1er degré, vote du conseil d’administration au 2nd degré).',
    severity: 'info',
  },
  published: { text: 'Collecte en cours.', severity: 'info' },
  closed_optimum: { text: 'Objectif optimal atteint : la collecte est close.', severity: 'success' },
  succeeded: { text: 'Collecte réussie : les fonds vont être versés à la structure réceptrice.', severity: 'success' },
  payout_pending: {
    text: 'Versement en attente des coordonnées bancaires : le gestionnaire de la structure réceptrice les saisit, un administrateur les valide ; le versement part alors de lui-même.',
    severity: 'warning',
  },
  failed: {
    text: 'Collecte échouée : les donateurs vont choisir entre remboursement et redirection.',
    severity: 'warning',
  },
  resolving: { text: 'Les donateurs choisissent entre remboursement et redirection.', severity: 'warning' },
  closed: { text: 'Projet clos.', severity: 'info' },
  paid_out: {
    text: 'Financé, activité en cours : les fonds sont versés ; le bilan final sera demandé au porteur après l’activité.',
    severity: 'success',
  },
  report_due: { text: 'Le porteur dépose le bilan final.', severity: 'info' },
  report_submitted: { text: 'Bilan en attente de l’examen d’un validateur.', severity: 'info' },
  report_changes_requested: {
    text: 'Compléments demandés : le porteur complète le bilan puis le dépose à nouveau.',
    severity: 'warning',
  },
  completed: { text: 'Projet terminé : le bilan a été envoyé aux donateurs.', severity: 'success' },
  cancelled: { text: 'Projet annulé : les donateurs sont remboursés.', severity: 'error' },
};

/** What the project needs next, with the validator's comment or the reason that brought it to its status. */
export const NextStep = ({ projectId, status }: { projectId: number; status: ProjectStatus }) => {
  const { data: entries } = useTimeline(projectId, status);
  const latest = entries?.findLast((entry) => entry.toStatus === status);
  const step = NEXT_STEPS[status];
  return (
    <Alert severity={step.severity} sx={{ my: 1 }} aria-label="Prochaine étape">
      {step.text}
      {latest?.comment ? (
        <>
          <br />
          <strong>{latest.actorName ?? 'Commentaire'} :</strong> « {latest.comment} »
        </>
      ) : null}
    </Alert>
  );
};
