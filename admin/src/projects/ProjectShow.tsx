import { Box, LinearProgress, Link, List as MuiList, ListItem, ListItemText, Typography } from '@mui/material';
import {
  FunctionField,
  Labeled,
  SelectField,
  Show,
  TabbedShowLayout,
  TabbedShowLayoutTabs,
  TextField,
  usePermissions,
  useRecordContext,
} from 'react-admin';
import type { DossierResponse } from '../../../contracts/project-drafts.ts';
import { daysLeft } from '../../../domain/campaign.ts';
import { DOCUMENT_KIND_LABELS } from '../../../domain/documents.ts';
import { academyName, formatDate, formatDateTime, formatEuros, formatNumber, plural } from '../../../domain/format.ts';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import { THEME_LABELS } from '../../../domain/projects.ts';
import type { Role } from '../../../domain/roles.ts';
import { choicesOf } from '../choices.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { GrantsTable } from '../funds/GrantsTable.tsx';
import { canSeeProjectGrants } from '../permissions.ts';
import type { Project } from '../types.ts';
import { FinalReport } from './FinalReport.tsx';
import { NextStep, useTimeline } from './NextStep.tsx';
import { ProjectActions, useLifecycle } from './ProjectActions.tsx';
import { ProjectStatusField } from './ProjectStatusField.tsx';
import { PublicLinks } from './PublicLinks.tsx';
import { DateText } from '../fields/DateText.tsx';

/** A project with its dossier, as the data provider reads it. */
type ProjectRecord = Project & DossierResponse;

const PRIORITY = { rep_plus: 'REP+', rep: 'REP', none: 'hors éducation prioritaire' } as Record<string, string>;
const line = (label: string, value: string) => (
  <Typography variant="body2">
    <strong>{label} :</strong> {value}
  </Typography>
);

/** What a validator reads before deciding: description, budget, dates, attachments, school, the porteur's history. */
const Dossier = () => {
  const project = useRecordContext<ProjectRecord>();
  if (!project?.school) return null;
  const budget = project.budgetLines.reduce((sum, budgetLine) => sum + budgetLine.amountCents, 0);
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography variant="body1">{project.summary}</Typography>
      {project.description ? <Typography variant="body2">{project.description}</Typography> : null}
      {line(
        'Établissement',
        `${project.schoolName}, ${project.school.commune} — ${PRIORITY[project.school.priorityEducation] ?? ''}${project.school.rural ? ', rural ou isolé' : ''}${project.school.ips ? `, IPS ${formatNumber(project.school.ips)}` : ''}`,
      )}
      {line('Élèves', `${plural(project.pupilCount, 'élève')} (${project.levels.join(', ')})`)}
      {line('Activité', `du ${formatDate(project.activityStartsOn)} au ${formatDate(project.activityEndsOn)}`)}
      {line(
        'Collecte',
        `${project.campaignDays} jours ; minimum ${formatEuros(project.minimumGoalCents)}, optimum ${formatEuros(project.optimumGoalCents)}`,
      )}
      {line('Structure réceptrice', project.structureName ?? 'non renseignée')}
      <Typography variant="subtitle2">Budget ({formatEuros(budget)})</Typography>
      <MuiList dense>
        {project.budgetLines.map((budgetLine, index) => (
          <ListItem key={index}>
            <ListItemText primary={`${budgetLine.label} — ${formatEuros(budgetLine.amountCents)}`} />
          </ListItem>
        ))}
      </MuiList>
      <Typography variant="subtitle2">Pièces jointes</Typography>
      {project.documents.length === 0 ? <Typography variant="body2">Aucune</Typography> : null}
      {project.documents.map((document) => (
        <Typography key={document.id} variant="body2">
          {DOCUMENT_KIND_LABELS[document.kind]} :{' '}
          <Link href={`/api/projects/${project.id}/documents/${document.id}`}>{document.filename}</Link>
        </Typography>
      ))}
      <Typography variant="subtitle2">Autres projets du porteur</Typography>
      {project.porteurHistory.length === 0 ? <Typography variant="body2">Premier projet</Typography> : null}
      {project.porteurHistory.map((other) => (
        <Typography key={other.id} variant="body2">
          {other.title} — {PROJECT_STATUS_LABELS[other.status]}
        </Typography>
      ))}
    </Box>
  );
};

/** The campaign: progress against the minimum and the optimum, days left, donors and the funds' grants. */
const Campaign = () => {
  const project = useRecordContext<ProjectRecord>();
  const { permissions } = usePermissions<Role[]>();
  const { data: state } = useLifecycle(project?.id);
  if (!project || !state) return null;
  const total = state.collectedCents + state.reservedGrantCents;
  const percent = Math.min(100, Math.round((total * 100) / project.minimumGoalCents));
  return (
    <Box sx={{ display: 'grid', gap: 1 }}>
      <Typography>
        {formatEuros(total)} sur {formatEuros(project.minimumGoalCents)} (optimum{' '}
        {formatEuros(project.optimumGoalCents)}), dont {formatEuros(state.reservedGrantCents)} de mécénat réservé
      </Typography>
      <LinearProgress
        variant="determinate"
        value={percent}
        aria-label={`Avancement : ${percent} % de l’objectif minimum`}
        sx={{ height: 10, borderRadius: 5 }}
      />
      {state.campaignEndsAt
        ? line(
            'Fin de la collecte',
            `${formatDate(state.campaignEndsAt)}, ${plural(daysLeft(new Date(), new Date(state.campaignEndsAt)), 'jour restant', 'jours restants')}`,
          )
        : null}
      {line('Donateurs', formatNumber(state.donorCount, 0))}
      {canSeeProjectGrants(permissions) ? (
        <Labeled label="resources.projects.fields.grants" fullWidth>
          <GrantsTable of="projectId" />
        </Labeled>
      ) : null}
    </Box>
  );
};

/** Every status change, who made it and why, and the project's workflow in the Temporal Web UI. */
const Timeline = () => {
  const project = useRecordContext<ProjectRecord>();
  const { data: state } = useLifecycle(project?.id);
  const { data: entries } = useTimeline(project?.id, state?.status);
  return (
    <Box>
      {state?.workflowUrl ? (
        <Link href={state.workflowUrl} target="_blank" rel="noreferrer">
          Voir le workflow dans Temporal
        </Link>
      ) : null}
      <MuiList dense>
        {(entries ?? []).map((entry, index) => (
          <ListItem key={index}>
            <ListItemText
              primary={`${formatDateTime(entry.at)} — ${PROJECT_STATUS_LABELS[entry.toStatus]}${entry.actorName ? ` (${entry.actorName})` : ''}`}
              secondary={entry.comment}
            />
          </ListItem>
        ))}
      </MuiList>
    </Box>
  );
};

/** What the project waits for now, from the lifecycle's live status. */
const ProjectNextStep = () => {
  const project = useRecordContext<ProjectRecord>();
  const { data: state } = useLifecycle(project?.id);
  if (!project || !state) return null;
  return <NextStep projectId={project.id} status={state.status} />;
};

/** The project's title in the app bar, cut with an ellipsis rather than widening the page on a phone. */
const AppBarTitle = () => {
  const project = useRecordContext<ProjectRecord>();
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-block',
        maxWidth: 'calc(100vw - 180px)',
        overflow: 'hidden',
        textOverflow: 'ellipsis',
        whiteSpace: 'nowrap',
        verticalAlign: 'bottom',
      }}
    >
      {project ? `Projet ${project.title}` : 'Projet'}
    </Box>
  );
};

/** One project: what a validator needs to decide, where its campaign stands, its history, and the actions allowed now. */
export const ProjectShow = () => (
  <Show
    actions={false}
    title={<AppBarTitle />}
    sx={{ maxWidth: { xs: 'calc(100vw - 16px)', sm: 'none' }, overflowWrap: 'anywhere' }}
  >
    <Box sx={{ px: 2, pt: 2 }}>
      <TextField source="title" variant="h5" component="h2" />
      <Box sx={{ my: 1 }}>
        <ProjectStatusField source="status" />
      </Box>
      <ProjectNextStep />
      <PublicLinks />
      <FinalReport />
      <ProjectActions />
    </Box>
    <TabbedShowLayout
      tabs={<TabbedShowLayoutTabs variant="scrollable" scrollButtons="auto" allowScrollButtonsMobile />}
    >
      <TabbedShowLayout.Tab label="Dossier">
        <Dossier />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Campagne">
        <Campaign />
        <EurosField source="collectedCents" />
        <DateText source="campaignEndsAt" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Historique">
        <Timeline />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="Identité">
        <SelectField source="theme" choices={choicesOf(THEME_LABELS)} />
        <TextField source="porteurName" />
        <TextField source="schoolUai" />
        <FunctionField source="academyCode" render={(project: ProjectRecord) => academyName(project.academyCode)} />
        <TextField source="departement" />
        <DateText source="statusChangedAt" showTime />
      </TabbedShowLayout.Tab>
    </TabbedShowLayout>
  </Show>
);
