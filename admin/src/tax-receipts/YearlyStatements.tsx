import MailIcon from '@mui/icons-material/Mail';
import { Button, TextField } from '@mui/material';
import { useState } from 'react';
import { TopToolbar, usePermissions } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { isAdmin } from '../permissions.ts';
import { plural } from '../../../domain/format.ts';
import type { CountResponse } from '../../../contracts/tax-receipts.ts';
import { useApiAction } from '../providers/useApiAction.ts';

/**
 * For admins: e-mails every donor with receipts for gifts of a year the link to their yearly statement (the
 * previous year by default, as declarations are made in spring); the API's message is shown as it is.
 */
export const YearlyStatementsAction = () => {
  const { permissions } = usePermissions<Role[]>();
  const { sendNow, pending } = useApiAction<CountResponse>();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  if (!isAdmin(permissions)) return <TopToolbar />;
  const send = () =>
    sendNow({
      path: '/tax-receipts/yearly-statements',
      body: { year: Number(year) },
      done: ({ count }) => `Récapitulatif ${year} envoyé à ${plural(count, 'donateur')}.`,
      refresh: false,
    });
  return (
    <TopToolbar>
      <TextField
        size="small"
        label="Année"
        type="number"
        value={year}
        onChange={(event) => setYear(event.target.value)}
        sx={{ width: 110 }}
      />
      <Button variant="contained" startIcon={<MailIcon />} onClick={send} disabled={pending}>
        Envoyer les récapitulatifs annuels
      </Button>
    </TopToolbar>
  );
};
