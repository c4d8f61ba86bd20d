import { Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { useFieldValue } from 'react-admin';
import type { FieldProps } from 'react-admin';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import type { ProjectStatus } from '../../../domain/project-status.ts';
import type { Project } from '../types.ts';

const STATUS_COLORS: Partial<Record<ProjectStatus, ChipProps['color']>> = {
  submitted: 'warning',
  changes_requested: 'warning',
  awaiting_attestation: 'warning',
  report_due: 'warning',
  report_submitted: 'warning',
  report_changes_requested: 'warning',
  accepted: 'info',
  published: 'primary',
  closed_optimum: 'success',
  succeeded: 'success',
  paid_out: 'success',
  completed: 'success',
  rejected: 'error',
  failed: 'error',
  resolving: 'error',
  cancelled: 'error',
};

/** The project's status as a chip with its French label, coloured by how the project is doing. */
export const ProjectStatusField = (props: FieldProps<Project>) => {
  const status: ProjectStatus | undefined = useFieldValue(props);
  if (!status) return null;
  return (
    <Chip size="small" label={PROJECT_STATUS_LABELS[status] ?? status} color={STATUS_COLORS[status] ?? 'default'} />
  );
};
