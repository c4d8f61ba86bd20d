import { Button, Stack } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { usePermissions, useRecordContext } from 'react-admin';
import type { LifecycleStateResponse as LifecycleState } from '../../../contracts/project-actions.ts';
import type { Role } from '../../../domain/roles.ts';
import { ActionDialog } from '../fields/ActionDialog.tsx';
import { fetchApi } from '../providers/http.ts';
import type { Project } from '../types.ts';
import { PROJECT_ACTIONS, type ActionContext, type DialogAction } from './actions/declarations.tsx';
import { useProjectAction } from './actions/useProjectAction.ts';

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
  const { data: state } = useLifecycle(project?.id);
  if (!project || !state) return null;
  return <ActionButtons project={project} state={state} />;
};

function ActionButtons({ project, state }: { project: Project; state: LifecycleState }) {
  const { permissions } = usePermissions<Role[]>();
  const { send, sendNow } = useProjectAction(project.id);
  const roles = permissions ?? [];
  const context: ActionContext = {
    project,
    status: state.status,
    roles,
    may: (action) => roles.some((role) => state.actions[role]?.includes(action)),
    send,
  };
  const offered = PROJECT_ACTIONS.filter((action) => action.offered(context));
  if (offered.length === 0) return null;
  const button = (action: DialogAction) =>
    action.immediate ? (
      <Button
        key={action.key}
        variant={action.variant ?? 'outlined'}
        onClick={async () => sendNow(await action.request({}, project))}
      >
        {action.label}
      </Button>
    ) : (
      <ActionDialog
        key={action.key}
        label={action.label}
        title={action.title}
        description={action.description}
        fields={action.fields}
        variant={action.variant}
        color={action.color}
        send={async (values) => send(await action.request(values, project))}
      />
    );
  return (
    <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1, my: 1 }} aria-label="Actions sur le projet">
      {offered.map((action) =>
        'render' in action ? <Fragment key={action.key}>{action.render(context)}</Fragment> : button(action),
      )}
    </Stack>
  );
}
