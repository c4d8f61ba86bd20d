import { Card, CardContent, Grid, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { formatEuros } from '../../../domain/money.ts';
import { PROJECT_STATUS_LABELS } from '../../../domain/project-status.ts';
import { fetchApi } from '../providers/http.ts';
import { formatMonth } from '../../../domain/format.ts';
import { fluidChart, WideTable } from './homes/HomeSection.tsx';
import type { StatsResponse as Stats } from '../../../contracts/stats.ts';

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 100) / whole));
const percent = (part: number, whole: number) => {
  const value = ratio(part, whole);
  return value === null ? '—' : `${value} %`;
};

const ChartCard = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Grid size={{ xs: 12, md: 6 }}>
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  </Grid>
);

/** The platform team's dashboard: money over time, projects by status, success and priority share by académie. */
export const StatsCharts = () => {
  const { data } = useQuery({ queryKey: ['stats'], queryFn: ({ signal }) => fetchApi<Stats>('/stats', { signal }) });
  if (!data) return null;
  const money = data.collectedByMonth.map((row) => ({ month: formatMonth(row.month), euros: row.cents / 100 }));
  const statuses = data.projectsByStatus.map((row) => ({
    status: PROJECT_STATUS_LABELS[row.status],
    count: row.count,
  }));
  const academies = data.byAcademy.map((row) => ({
    academy: row.academyName,
    success: ratio(row.succeeded, row.succeeded + row.failed),
    priority: ratio(row.priorityGrantedCents, row.grantedCents),
  }));
  return (
    <Grid container spacing={2} sx={{ mt: 1 }}>
      <ChartCard title="Dons collectés par mois">
        <BarChart responsive style={fluidChart(240)} data={money} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="month" />
          <YAxis />
          <Tooltip formatter={(value) => formatEuros(Math.round(Number(value) * 100))} />
          <Bar dataKey="euros" name="Collecté" fill="#1d4ed8" isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Projets par statut">
        <BarChart
          responsive
          style={fluidChart(Math.max(160, 28 * statuses.length))}
          data={statuses}
          layout="vertical"
          accessibilityLayer
        >
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} />
          <YAxis type="category" dataKey="status" width={170} interval={0} />
          <Tooltip />
          <Bar dataKey="count" name="Projets" fill="#059669" isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <ChartCard title="Réussite et solidarité par académie (%)">
        <BarChart responsive style={fluidChart(260)} data={academies} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="academy" interval={0} tick={{ fontSize: 12 }} />
          <YAxis domain={[0, 100]} unit=" %" />
          <Tooltip formatter={(value) => `${String(value)} %`} />
          <Legend />
          <Bar dataKey="success" name="Taux de réussite" fill="#059669" isAnimationActive={false} />
          <Bar dataKey="priority" name="Mécénat aux prioritaires" fill="#d97706" isAnimationActive={false} />
        </BarChart>
      </ChartCard>
      <Grid size={12}>
        <Card>
          <CardContent>
            <Typography variant="h6" component="h2" gutterBottom>
              Par académie
            </Typography>
            <WideTable>
              <Table size="small" aria-label="Réussite et solidarité par académie">
                <TableHead>
                  <TableRow>
                    <TableCell>Académie</TableCell>
                    <TableCell align="right">Collectes réussies</TableCell>
                    <TableCell align="right">Collectes échouées</TableCell>
                    <TableCell align="right">Taux de réussite</TableCell>
                    <TableCell align="right">Mécénat attribué</TableCell>
                    <TableCell align="right">Part aux établissements prioritaires</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {data.byAcademy.map((row) => (
                    <TableRow key={row.academyCode}>
                      <TableCell>{row.academyName}</TableCell>
                      <TableCell align="right">{row.succeeded}</TableCell>
                      <TableCell align="right">{row.failed}</TableCell>
                      <TableCell align="right">{percent(row.succeeded, row.succeeded + row.failed)}</TableCell>
                      <TableCell align="right">{formatEuros(row.grantedCents)}</TableCell>
                      <TableCell align="right">{percent(row.priorityGrantedCents, row.grantedCents)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </WideTable>
          </CardContent>
        </Card>
      </Grid>
    </Grid>
  );
};
