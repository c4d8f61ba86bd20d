import { Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';
import type { FieldProps } from 'react-admin';
import { formatDate, formatDateTime } from '../../../domain/format.ts';

/**
 * A date in words, as the e-mails and PDFs write it (`domain/format.ts`, Paris time): « 3 avril 2027 », or with
 * `showTime` « 3 avril 2027 à 14:05 »; `emptyText` when there is none.
 */
export const DateText = ({ showTime = false, emptyText = '', ...props }: FieldProps & { showTime?: boolean }) => {
  const value: unknown = useFieldValue(props);
  const date = typeof value === 'string' || value instanceof Date ? value : undefined;
  return (
    <Typography component="span" variant="body2">
      {date ? (showTime ? formatDateTime(date) : formatDate(date)) : emptyText}
    </Typography>
  );
};
