import type { FieldProps } from 'react-admin';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '../../../domain/project-status.ts';
import { StatusField, type StatusColors } from '../fields/StatusField.tsx';
import type { Project } from '../types.ts';

const STATUS_COLORS: StatusColors<ProjectStatus> = {
  submitted: 'warning',
  changes_requested: 'warning',
  awaiting_attestation: 'warning',
  payout_pending: 'warning',
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
export const ProjectStatusField = (props: FieldProps<Project>) => (
  <StatusField {...props} labels={PROJECT_STATUS_LABELS} colors={STATUS_COLORS} />
);
