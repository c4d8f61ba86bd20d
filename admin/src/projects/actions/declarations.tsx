import type { ReactNode } from 'react';
import { EditButton } from 'react-admin';
import { DOCUMENT_KIND_LABELS } from '../../../../domain/documents.ts';
import type { LifecycleAction } from '../../../../domain/lifecycle.ts';
import { BEFORE_PUBLICATION, type ProjectStatus } from '../../../../domain/project-status.ts';
import type { Role } from '../../../../domain/roles.ts';
import type {
  AttestRequest,
  CancelRequest,
  ReportReviewRequest,
  ReviewRequest,
} from '../../../../contracts/project-actions.ts';
import type { NewsRequest } from '../../../../contracts/project-drafts.ts';
import type { Field } from '../../fields/ActionDialog.tsx';
import type { Project } from '../../types.ts';
import { SubmitReport } from '../SubmitReport.tsx';
import { canWriteProjects, isAdmin } from '../../permissions.ts';
import { uploadDocument, type ActionRequest } from './useProjectAction.ts';

/** What decides whether an action is offered: who is signed in, the project and its lifecycle now. */
export interface ActionContext {
  project: Project;
  status: ProjectStatus;
  roles: readonly Role[];
  /** whether one of the user's roles may take this lifecycle action now, as the API says */
  may: (action: LifecycleAction) => boolean;
  send: (request: ActionRequest) => Promise<void>;
}

/** A project action as data: its button, its form (or confirmation text) and the request it sends. */
export interface DialogAction {
  key: string;
  label: string;
  title: string;
  description?: string;
  fields: Field[];
  variant?: 'contained' | 'outlined';
  color?: 'success';
  /** a plain button sending at once, its refusal shown as a notification */
  immediate?: boolean;
  offered: (context: ActionContext) => boolean;
  request: (values: Record<string, unknown>, project: Project) => ActionRequest | Promise<ActionRequest>;
}

/** An action whose form is not a fixed list of fields (it is rendered by its own component). */
export interface CustomAction {
  key: string;
  offered: (context: ActionContext) => boolean;
  render: (context: ActionContext) => ReactNode;
}

const CLOSED: readonly ProjectStatus[] = ['rejected', 'cancelled', 'closed', 'completed'];
const EXCEPTION_OPEN: readonly ProjectStatus[] = ['draft', 'submitted', 'changes_requested'];
/** A text field's value, as ActionDialog reads it (absent when left empty). */
const text = (value: unknown) => value as string | undefined;
const author = ({ roles }: ActionContext) => canWriteProjects(roles);

/** Every action on a project, in the order of its buttons. */
export const PROJECT_ACTIONS: readonly (DialogAction | CustomAction)[] = [
  {
    key: 'edit',
    offered: (context) => author(context) && ['draft', 'changes_requested'].includes(context.status),
    render: () => <EditButton label="Modifier" />,
  },
  {
    key: 'attach',
    label: 'Joindre une pièce',
    title: 'Joindre une pièce au dossier',
    description: 'Un devis (PDF) ou une photo (JPEG ou PNG), de 5 Mo au plus.',
    fields: [
      {
        name: 'kind',
        label: 'Type de pièce',
        options: (['quote', 'photo'] as const).map((kind) => ({ value: kind, label: DOCUMENT_KIND_LABELS[kind] })),
      },
      { name: 'file', label: 'Fichier (PDF, JPEG ou PNG)', type: 'file' },
      {
        name: 'imageRights',
        label: 'Photo : les personnes reconnaissables (ou leurs parents) ont autorisé sa diffusion',
        type: 'checkbox',
      },
    ],
    offered: (context) => author(context) && !CLOSED.includes(context.status),
    request: (values) => {
      const form = new FormData();
      if (values.file instanceof File) form.set('file', values.file);
      form.set('kind', String(values.kind));
      form.set('imageRights', values.imageRights ? 'true' : 'false');
      return { path: 'documents', body: form, done: 'Pièce jointe ajoutée au dossier.' };
    },
  },
  {
    key: 'submit',
    label: 'Soumettre à la validation',
    title: 'Soumettre à la validation',
    fields: [],
    variant: 'contained',
    immediate: true,
    offered: ({ may }) => may('submit'),
    request: () => ({ path: 'submit', body: {}, done: 'Projet soumis à la validation.' }),
  },
  {
    key: 'accept',
    label: 'Accepter',
    title: 'Accepter le projet ?',
    description:
      'Le projet sera accepté : son chef d’établissement sera invité à attester les autorisations, puis la collecte s’ouvrira. Une décision d’acceptation ne peut pas être reprise.',
    fields: [],
    variant: 'contained',
    color: 'success',
    offered: ({ may }) => may('review'),
    request: () => ({ path: 'review', body: { decision: 'accept' } satisfies ReviewRequest, done: 'Projet accepté.' }),
  },
  {
    key: 'changes',
    label: 'Demander des modifications',
    title: 'Modifications demandées au porteur',
    fields: [{ name: 'comment', label: 'Commentaire (obligatoire)', type: 'multiline' }],
    offered: ({ may }) => may('review'),
    request: (values) => ({
      path: 'review',
      body: { decision: 'request_changes', comment: text(values.comment) } satisfies ReviewRequest,
      done: 'Modifications demandées.',
    }),
  },
  {
    key: 'reject',
    label: 'Refuser',
    title: 'Refuser le projet',
    fields: [{ name: 'comment', label: 'Raison du refus (obligatoire)', type: 'multiline' }],
    offered: ({ may }) => may('review'),
    request: (values) => ({
      path: 'review',
      body: { decision: 'reject', comment: text(values.comment) } satisfies ReviewRequest,
      done: 'Projet refusé.',
    }),
  },
  {
    key: 'attest',
    label: 'Attester les autorisations',
    title: 'Attestation du chef d’établissement',
    variant: 'contained',
    fields: [
      { name: 'ienApproved', label: '1er degré : l’IEN a donné son accord', type: 'checkbox' },
      { name: 'dasenApproved', label: '1er degré : le DASEN a donné son accord', type: 'checkbox' },
      { name: 'caVoteOn', label: '2nd degré : date du vote du conseil d’administration', type: 'date' },
      { name: 'document', label: 'Document d’autorisation (facultatif : PDF, JPEG ou PNG)', type: 'file' },
    ],
    offered: ({ may }) => may('attest'),
    request: async ({ document, ...values }, project) => {
      const documentId = document instanceof File ? await uploadDocument(project.id, 'approval', document) : undefined;
      const approvals = values.caVoteOn
        ? { caVoteOn: text(values.caVoteOn) }
        : { ienApproved: values.ienApproved === true, dasenApproved: values.dasenApproved === true };
      const body: AttestRequest = { ...approvals, documentId };
      return { path: 'attest', body, done: 'Attestation enregistrée.' };
    },
  },
  {
    key: 'report',
    offered: ({ may }) => may('submitReport'),
    render: ({ project, send }) => (
      <SubmitReport projectId={project.id} post={(body) => send({ path: 'report', body, done: 'Bilan déposé.' })} />
    ),
  },
  {
    key: 'accept-report',
    label: 'Accepter le bilan',
    title: 'Accepter le bilan ?',
    description: 'Le bilan sera envoyé à chaque donateur et mécène, et le projet sera terminé.',
    fields: [],
    variant: 'contained',
    color: 'success',
    offered: ({ may }) => may('reviewReport'),
    request: () => ({
      path: 'report/review',
      body: { decision: 'accept' } satisfies ReportReviewRequest,
      done: 'Bilan accepté.',
    }),
  },
  {
    key: 'report-changes',
    label: 'Demander des compléments',
    title: 'Compléments au bilan',
    fields: [{ name: 'comment', label: 'Compléments attendus', type: 'multiline' }],
    offered: ({ may }) => may('reviewReport'),
    request: (values) => ({
      path: 'report/review',
      body: { decision: 'request_changes', comment: text(values.comment) } satisfies ReportReviewRequest,
      done: 'Compléments demandés.',
    }),
  },
  {
    key: 'news',
    label: 'Publier des nouvelles',
    title: 'Nouvelles pour les donateurs',
    fields: [
      { name: 'title', label: 'Titre' },
      { name: 'body', label: 'Texte', type: 'multiline' },
    ],
    offered: (context) => author(context) && !BEFORE_PUBLICATION.includes(context.status),
    request: (values) => ({
      path: 'news',
      body: { title: text(values.title), body: text(values.body) } satisfies Partial<NewsRequest>,
      done: 'Nouvelles publiées : les donateurs les reçoivent par e-mail.',
    }),
  },
  {
    key: 'goal-exception',
    label: 'Accorder la dérogation (plus de 5 000 €)',
    title: 'Accorder la dérogation à l’objectif minimum ?',
    description:
      'Le porteur pourra fixer un objectif minimum supérieur à 5 000 €. La dérogation reste acquise au projet.',
    fields: [],
    offered: ({ roles, status, project }) =>
      isAdmin(roles) && EXCEPTION_OPEN.includes(status) && !project.minimumGoalException,
    request: () => ({ path: 'minimum-goal-exception', body: {}, done: 'Dérogation accordée.' }),
  },
  {
    key: 'cancel',
    label: 'Annuler le projet',
    title: 'Annuler et rembourser chaque donateur',
    fields: [{ name: 'reason', label: 'Raison de l’annulation', type: 'multiline' }],
    offered: ({ may }) => may('cancel'),
    request: (values) => ({
      path: 'cancel',
      body: { reason: text(values.reason) } satisfies Partial<CancelRequest>,
      done: 'Projet annulé : les donateurs seront remboursés.',
    }),
  },
];
