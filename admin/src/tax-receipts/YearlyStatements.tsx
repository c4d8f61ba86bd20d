import MailIcon from '@mui/icons-material/Mail';
import { Button, TextField } from '@mui/material';
import { useState } from 'react';
import { TopToolbar, useNotify, usePermissions } from 'react-admin';
import type { Role } from '../../../domain/roles.ts';
import { isAdmin } from '../permissions.ts';
import { fetchApi } from '../providers/http.ts';

/**
 * For admins: e-mails every donor with receipts for gifts of a year the link to their yearly statement (the
 * previous year by default, as declarations are made in spring); the API's message is shown as it is.
 */
export const YearlyStatementsAction = () => {
  const { permissions } = usePermissions<Role[]>();
  const notify = useNotify();
  const [year, setYear] = useState(String(new Date().getFullYear() - 1));
  const [busy, setBusy] = useState(false);
  if (!isAdmin(permissions)) return <TopToolbar />;
  const send = async () => {
    setBusy(true);
    try {
      const { count } = await fetchApi<{ count: number }>('/tax-receipts/yearly-statements', {
        method: 'POST',
        body: JSON.stringify({ year: Number(year) }),
      });
      notify(`Récapitulatif ${year} envoyé à ${count} donateur(s).`, { type: 'success' });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
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
      <Button variant="contained" startIcon={<MailIcon />} onClick={send} disabled={busy}>
        Envoyer les récapitulatifs annuels
      </Button>
    </TopToolbar>
  );
};
