import { Box, Typography } from '@mui/material';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuros, formatMonth, formatNumber, plural } from '../../../../domain/format.ts';
import type { MeceneHomeResponse as Summary } from '../../../../contracts/homes.ts';
import { ActLink, Figure, Figures, fluidChart, HomeSection, ShareBar, useHome } from './HomeSection.tsx';

type FundImpact = Summary['funds'][number];

const percent = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part * 100) / whole));

/** One fund's impact: projects and pupils reached, money granted, the priority share, outcomes, grants by month. */
const Impact = ({ fund }: { fund: FundImpact }) => {
  const share = percent(fund.priorityGrantedCents, fund.grantedCents);
  const months = fund.grantedByMonth.map((row) => ({ month: formatMonth(row.month), euros: row.cents / 100 }));
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3" gutterBottom>
        <ActLink to={`/funds/${fund.id}/show`}>{fund.name}</ActLink>
      </Typography>
      <Figures>
        <Figure
          value={formatNumber(fund.projectsReached)}
          label={fund.projectsReached > 1 ? 'projets soutenus' : 'projet soutenu'}
        />
        <Figure value={formatNumber(fund.pupils)} label="élèves concernés" />
        <Figure value={formatEuros(fund.grantedCents)} label={`attribués sur ${formatEuros(fund.budgetCents)}`} />
        <Figure value={`${share} %`} label="aux écoles prioritaires (REP, REP+, rurales)" />
      </Figures>
      <ShareBar share={share / 100} label={`${share} % des montants attribués aux écoles prioritaires`} />
      <Typography sx={{ mt: 2 }}>
        {`Devenir des projets : ${plural(fund.outcomes.completed, 'terminé')} avec leur bilan, ${plural(fund.outcomes.funded, 'financé')} (activité en cours), ${plural(fund.outcomes.collecting, 'en collecte', 'en collecte')}, ${plural(fund.outcomes.failed, 'non abouti', 'non aboutis')}.`}
      </Typography>
      {months.length > 0 ? (
        <Box sx={{ mt: 2 }}>
          <Typography variant="subtitle2" component="h4">
            Montants attribués par mois
          </Typography>
          <BarChart responsive style={fluidChart(200, 440)} data={months} accessibilityLayer>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="month" tick={{ fontSize: 12 }} />
            <YAxis />
            <Tooltip formatter={(value) => formatEuros(Math.round(Number(value) * 100))} />
            <Bar dataKey="euros" name="Attribué" fill="#1d4ed8" isAnimationActive={false} />
          </BarChart>
        </Box>
      ) : null}
    </Box>
  );
};

/** A mécène's home: the impact of each of their funds. */
export const MeceneHome = () => {
  const { data } = useHome<Summary>('mecene');
  if (!data) return null;
  return (
    <HomeSection title="L’impact de votre mécénat">
      {data.funds.length === 0 ? <Typography>Aucun fonds ne vous est rattaché.</Typography> : null}
      {data.funds.map((fund) => (
        <Impact key={fund.id} fund={fund} />
      ))}
    </HomeSection>
  );
};
