import type { FieldProps } from 'react-admin';
import { EMAIL_STATUS_LABELS, type EmailStatus } from '../../../domain/emails.ts';
import { StatusField, type StatusColors } from '../fields/StatusField.tsx';
import type { OutboxEmail } from '../types.ts';

const STATUS_COLORS: StatusColors<EmailStatus> = {
  pending: 'warning',
  sending: 'info',
  sent: 'success',
  failed: 'error',
};

/** The e-mail's delivery status as a chip with its French label. */
export const EmailStatusField = (props: FieldProps<OutboxEmail>) => (
  <StatusField {...props} labels={EMAIL_STATUS_LABELS} colors={STATUS_COLORS} />
);
