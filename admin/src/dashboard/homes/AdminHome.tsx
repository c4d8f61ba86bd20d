import { Box, Typography } from '@mui/material';
import { formatEuros, formatNumber } from '../../../../domain/format.ts';
import type { AdminHomeResponse as Summary } from '../../../../contracts/homes.ts';
import { PROJECT_STATUS_LABELS } from '../../../../domain/project-status.ts';
import { Figure, Figures, HomeSection, ShareBar, useHome } from './HomeSection.tsx';

/** The administrator's home: money collected, paid out and refunded, projects by status, what needs an admin. */
export const AdminHome = () => {
  const { data } = useHome<Summary>('admin');
  if (!data) return null;
  const projects = data.projectsByStatus.reduce((sum, row) => sum + row.count, 0);
  return (
    <HomeSection title="La plateforme en chiffres">
      <Figures>
        <Figure value={formatEuros(data.collectedCents)} label="collectés" to="/donations" />
        <Figure value={formatEuros(data.paidOutCents)} label="versés aux structures" to="/payouts" />
        <Figure value={formatEuros(data.refundedCents)} label="remboursés aux donateurs" />
        <Figure value={formatNumber(data.stuckProjects)} label="projets bloqués" to="/stuck-projects" />
        <Figure
          value={formatNumber(data.openAnomalies)}
          label="anomalies de paiement ouvertes"
          to="/payment-anomalies"
        />
      </Figures>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        {`Statut des ${formatNumber(projects)} projets`}
      </Typography>
      {data.projectsByStatus.map((row) => (
        <Box
          key={row.status}
          sx={{
            display: 'grid',
            gridTemplateColumns: 'minmax(6rem, 16rem) 2.5rem minmax(5rem, 1fr)',
            gap: 1,
            alignItems: 'center',
          }}
        >
          <Typography variant="body2">{PROJECT_STATUS_LABELS[row.status]}</Typography>
          <Typography variant="body2" align="right">
            {formatNumber(row.count)}
          </Typography>
          <ShareBar share={row.count / projects} label={`${formatNumber(row.count)} sur ${formatNumber(projects)}`} />
        </Box>
      ))}
    </HomeSection>
  );
};
