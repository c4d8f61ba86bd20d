import DownloadIcon from '@mui/icons-material/Download';
import { Button, Stack, Typography } from '@mui/material';
import {
  BooleanField,
  EditButton,
  Labeled,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  usePermissions,
} from 'react-admin';
import { academyName } from '../../../domain/format.ts';
import { formatEuros } from '../../../domain/money.ts';
import { THEME_LABELS } from '../../../domain/projects.ts';
import type { Role } from '../../../domain/roles.ts';
import { EurosField } from '../fields/EurosField.tsx';
import { isAdmin } from '../permissions.ts';
import type { Fund } from '../types.ts';
import { GrantsTable } from './GrantsTable.tsx';
import { DateText } from '../fields/DateText.tsx';

const listed = (values: string[]) => (values.length > 0 ? values.join(', ') : 'tous');

/** The sponsor's report for whoever reads the fund; changing its terms for admins only, as the API allows. */
const FundActions = () => {
  const fund = useRecordContext<Fund>();
  const { permissions } = usePermissions<Role[]>();
  if (!fund) return null;
  return (
    <TopToolbar>
      {isAdmin(permissions) ? <EditButton label="Modifier" /> : null}
      <Button href={`/api/funds/${fund.id}/report.csv`} download startIcon={<DownloadIcon />}>
        Rapport au mécène (CSV)
      </Button>
    </TopToolbar>
  );
};

const THEME_NAMES: Record<string, string> = THEME_LABELS;

/** Who the fund may help and by what rules, in French. */
const Terms = () => {
  const fund = useRecordContext<Fund>();
  if (!fund) return null;
  const { restrictions: r, rules } = fund;
  const themes = listed(r.themes.map((theme) => THEME_NAMES[theme] ?? theme));
  const academies = listed(r.academies.map(academyName));
  return (
    <Stack spacing={0.5}>
      <Typography variant="body2">
        Thèmes : {themes} · Académies : {academies} · Départements : {listed(r.departements)} · Niveaux :{' '}
        {listed(r.levels)}
        {r.prioritySchoolsOnly ? ' · établissements prioritaires seulement (REP+, REP, rural)' : ''}
      </Typography>
      <Typography variant="body2">
        Amorçage : {rules.seedingShareBp / 100} % du minimum, au plus {formatEuros(rules.seedingCapCents)}.
      </Typography>
      <Typography variant="body2">
        Abondement : dès {rules.topUpThresholdPct} % du minimum collecté, {rules.topUpMinDonors} donateurs et{' '}
        {rules.topUpDaysLeft} jours restants ou moins (et la moitié de la collecte passée) ; l’écart au minimum, au plus{' '}
        {formatEuros(rules.topUpCapCents)}.
      </Typography>
    </Stack>
  );
};

const FundTitle = () => <>{useRecordContext<Fund>()?.name ?? ''}</>;

/** One fund: its sponsor, balances from the ledger, rules, and every grant with its explanation. */
export const FundShow = () => (
  <Show title={<FundTitle />} actions={<FundActions />}>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="sponsorName" />
      <BooleanField source="isGeneralSolidarity" />
      <DateText source="validFrom" />
      <DateText source="validUntil" />
      <EurosField source="budgetCents" />
      <EurosField source="availableCents" />
      <EurosField source="reservedCents" />
      <EurosField source="committedCents" />
      <Labeled label="resources.funds.fields.rules">
        <Terms />
      </Labeled>
      <Labeled label="resources.funds.fields.grants" fullWidth>
        <GrantsTable of="fundId" />
      </Labeled>
    </SimpleShowLayout>
  </Show>
);
