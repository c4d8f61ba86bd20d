import { Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { useFieldValue } from 'react-admin';
import type { FieldProps } from 'react-admin';

/** The chip colour of each status; a status without one is grey. */
export type StatusColors<Status extends string> = Partial<Record<Status, ChipProps['color']>>;

/** A status as a small chip with its French label, coloured by what it means. */
export const StatusField = <Status extends string>({
  labels,
  colors,
  ...props
}: FieldProps & { labels: Record<Status, string>; colors: StatusColors<Status> }) => {
  const status: Status | undefined = useFieldValue(props);
  if (!status) return null;
  return <Chip size="small" label={labels[status] ?? status} color={colors[status] ?? 'default'} />;
};
