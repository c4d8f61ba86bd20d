import { Button, Stack } from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { EditButton, useNotify, usePermissions, useRecordContext, useRefresh } from 'react-admin';
import type { LifecycleAction } from '../../../domain/lifecycle.ts';
import { BEFORE_PUBLICATION } from '../../../domain/project-status.ts';
import type { Role } from '../../../domain/roles.ts';
import { fetchApi } from '../providers/http.ts';
import type { Project } from '../types.ts';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import { AttachDocument } from './AttachDocument.tsx';
import { SubmitReport } from './SubmitReport.tsx';

/** The project's state and the actions each role may take now, as GET /api/projects/{id}/lifecycle says. */
export interface LifecycleState {
  status: Project['status'];
  collectedCents: number;
  reservedGrantCents: number;
  donorCount: number;
  campaignEndsAt: string | null;
  actions: Partial<Record<Role, LifecycleAction[]>>;
  workflowUrl?: string;
}

/** States in which the dossier is closed to new attachments. */
const CLOSED: readonly Project['status'][] = ['rejected', 'cancelled', 'closed', 'completed'];

/** States in which an admin may still lift the cap on the minimum goal: before the project is accepted. */
const EXCEPTION_OPEN: readonly Project['status'][] = ['draft', 'submitted', 'changes_requested'];

/** The lifecycle of the project on the page (re-read after every action). */
export const useLifecycle = (projectId: number | undefined) =>
  useQuery({
    queryKey: ['lifecycle', projectId],
    queryFn: ({ signal }) => fetchApi<LifecycleState>(`/projects/${projectId}/lifecycle`, { signal }),
    enabled: projectId !== undefined,
  });

/** The buttons of what the signed-in user may do to the project now, by role and state. */
export const ProjectActions = () => {
  const project = useRecordContext<Project>();
  const { permissions } = usePermissions<Role[]>();
  const { data: state } = useLifecycle(project?.id);
  const notify = useNotify();
  const refresh = useRefresh();
  const queryClient = useQueryClient();
  if (!project || !state) return null;
  const roles = permissions ?? [];
  const may = (action: LifecycleAction) => roles.some((role) => state.actions[role]?.includes(action));

  /** Posts the action and says it is done; a refusal is thrown to the dialog that sent it. */
  const post = async (path: string, body: object, done: string): Promise<void> => {
    await fetchApi(`/projects/${project.id}/${path}`, { method: 'POST', body: JSON.stringify(body) });
    notify(done, { type: 'success' });
    await queryClient.invalidateQueries({ queryKey: ['lifecycle', project.id] });
    refresh();
  };
  /** The same, from a plain button: a refusal is shown as the API's French message. */
  const postNow = (path: string, body: object, done: string) =>
    post(path, body, done).catch((error: Error) => notify(error.message, { type: 'error' }));
  /** Uploads the approval document and gives its id. */
  const uploadApproval = async (file: File): Promise<number> => {
    const form = new FormData();
    form.set('file', file);
    form.set('kind', 'approval');
    return (await fetchApi<{ id: number }>(`/projects/${project.id}/documents`, { method: 'POST', body: form })).id;
  };
  const buttons: ReactNode[] = [];
  if (roles.includes('porteur') && ['draft', 'changes_requested'].includes(state.status)) {
    buttons.push(<EditButton key="edit" label="Modifier" />);
  }
  if (roles.includes('porteur') && !CLOSED.includes(state.status)) {
    buttons.push(<AttachDocument key="attach" projectId={project.id} />);
  }
  if (may('submit')) {
    buttons.push(
      <Button key="submit" variant="contained" onClick={() => postNow('submit', {}, 'Projet soumis à la validation.')}>
        Soumettre à la validation
      </Button>,
    );
  }
  if (may('review')) {
    buttons.push(
      <ActionDialog
        key="accept"
        variant="contained"
        color="success"
        label="Accepter"
        title="Accepter le projet ?"
        description="Le projet sera accepté : son chef d’établissement sera invité à attester les autorisations, puis la collecte s’ouvrira. Une décision d’acceptation ne peut pas être reprise."
        fields={[]}
        send={() => post('review', { decision: 'accept' }, 'Projet accepté.')}
      />,
      <ActionDialog
        key="changes"
        label="Demander des modifications"
        title="Modifications demandées au porteur"
        fields={[{ name: 'comment', label: 'Commentaire (obligatoire)', type: 'multiline' }]}
        send={(values) => post('review', { decision: 'request_changes', ...values }, 'Modifications demandées.')}
      />,
      <ActionDialog
        key="reject"
        label="Refuser"
        title="Refuser le projet"
        fields={[{ name: 'comment', label: 'Raison du refus (obligatoire)', type: 'multiline' }]}
        send={(values) => post('review', { decision: 'reject', ...values }, 'Projet refusé.')}
      />,
    );
  }
  if (may('attest')) {
    buttons.push(
      <ActionDialog
        key="attest"
        variant="contained"
        label="Attester les autorisations"
        title="Attestation du chef d’établissement"
        fields={[
          { name: 'ienApproved', label: '1er degré : l’IEN a donné son accord', type: 'checkbox' },
          { name: 'dasenApproved', label: '1er degré : le DASEN a donné son accord', type: 'checkbox' },
          { name: 'caVoteOn', label: '2nd degré : date du vote du conseil d’administration', type: 'date' },
          { name: 'document', label: 'Document d’autorisation (facultatif : PDF, JPEG ou PNG)', type: 'file' },
        ]}
        send={async ({ document, ...values }) => {
          const documentId = document instanceof File ? await uploadApproval(document) : undefined;
          const approvals = values.caVoteOn ? { caVoteOn: values.caVoteOn } : values;
          return post('attest', { ...approvals, documentId }, 'Attestation enregistrée.');
        }}
      />,
    );
  }
  if (may('submitReport')) {
    buttons.push(
      <SubmitReport key="report" projectId={project.id} post={(body) => post('report', body, 'Bilan déposé.')} />,
    );
  }
  if (may('reviewReport')) {
    buttons.push(
      <ActionDialog
        key="accept-report"
        variant="contained"
        color="success"
        label="Accepter le bilan"
        title="Accepter le bilan ?"
        description="Le bilan sera envoyé à chaque donateur et mécène, et le projet sera terminé."
        fields={[]}
        send={() => post('report/review', { decision: 'accept' }, 'Bilan accepté.')}
      />,
      <ActionDialog
        key="report-changes"
        label="Demander des compléments"
        title="Compléments au bilan"
        fields={[{ name: 'comment', label: 'Compléments attendus', type: 'multiline' }]}
        send={(values) => post('report/review', { decision: 'request_changes', ...values }, 'Compléments demandés.')}
      />,
    );
  }
  if (roles.includes('porteur') && !BEFORE_PUBLICATION.includes(state.status)) {
    buttons.push(
      <ActionDialog
        key="news"
        label="Publier des nouvelles"
        title="Nouvelles pour les donateurs"
        fields={[
          { name: 'title', label: 'Titre' },
          { name: 'body', label: 'Texte', type: 'multiline' },
        ]}
        send={(values) => post('news', values, 'Nouvelles publiées : les donateurs les reçoivent par e-mail.')}
      />,
    );
  }
  if (roles.includes('admin') && EXCEPTION_OPEN.includes(state.status) && !project.minimumGoalException) {
    buttons.push(
      <ActionDialog
        key="goal-exception"
        label="Accorder la dérogation (plus de 5 000 €)"
        title="Accorder la dérogation à l’objectif minimum ?"
        description="Le porteur pourra fixer un objectif minimum supérieur à 5 000 €. La dérogation reste acquise au projet."
        fields={[]}
        send={() => post('minimum-goal-exception', {}, 'Dérogation accordée.')}
      />,
    );
  }
  if (may('cancel')) {
    buttons.push(
      <ActionDialog
        key="cancel"
        label="Annuler le projet"
        title="Annuler et rembourser chaque donateur"
        fields={[{ name: 'reason', label: 'Raison de l’annulation', type: 'multiline' }]}
        send={(values) => post('cancel', values, 'Projet annulé : les donateurs seront remboursés.')}
      />,
    );
  }
  if (buttons.length === 0) return null;
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1, my: 1 }} aria-label="Actions sur le projet">
      {buttons}
    </Stack>
  );
};
