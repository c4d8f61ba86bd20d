import { Typography } from '@mui/material';
import { useFieldValue } from 'react-admin';
import type { FieldProps } from 'react-admin';
import { formatEuros } from '../../../domain/money.ts';

/** Shows an integer amount of cents in euros, the French way: 123456 → "1 234,56 €". */
export const EurosField = (props: FieldProps) => {
  const cents: unknown = useFieldValue(props);
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'nowrap' }}>
      {typeof cents === 'number' ? formatEuros(cents) : ''}
    </Typography>
  );
};
