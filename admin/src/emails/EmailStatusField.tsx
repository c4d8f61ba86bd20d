import { Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { useFieldValue } from 'react-admin';
import type { FieldProps } from 'react-admin';
import { EMAIL_STATUS_LABELS, type EmailStatus } from '../../../domain/emails.ts';
import type { OutboxEmail } from '../types.ts';

const STATUS_COLORS: Record<EmailStatus, ChipProps['color']> = {
  pending: 'warning',
  sending: 'info',
  sent: 'success',
  failed: 'error',
  merged: 'default',
  skipped: 'default',
};

/** The e-mail's delivery status as a chip with its French label. */
export const EmailStatusField = (props: FieldProps<OutboxEmail>) => {
  const status: EmailStatus | undefined = useFieldValue(props);
  if (!status) return null;
  return <Chip size="small" label={EMAIL_STATUS_LABELS[status] ?? status} color={STATUS_COLORS[status]} />;
};
