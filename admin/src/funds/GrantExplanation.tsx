import { Box, List, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useRecordContext } from 'react-admin';
import { frenchDate } from '../../../domain/funds/format.ts';
import { formatEuros } from '../../../domain/money.ts';
import type { Grant } from '../types.ts';

const OUTCOME_LABELS = { full: 'servi en entier', partial: 'servi en partie', none: 'non servi' } as const;

const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <Box sx={{ mt: 2 }}>
    <Typography variant="subtitle2">{title}</Typography>
    {children}
  </Box>
);

const Lines = ({ lines }: { lines: string[] }) => (
  <List dense disablePadding>
    {lines.map((line) => (
      <ListItem key={line} sx={{ py: 0 }}>
        {line}
      </ListItem>
    ))}
  </List>
);

/** Why a grant was made, as stored with it: the rule, its conditions, the amount, the score and the competitors. */
export const GrantExplanation = () => {
  const grant = useRecordContext<Grant>();
  if (!grant) return null;
  const { explanation } = grant;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="body1">{explanation.summary}</Typography>
      <Section title={`Conditions remplies le ${frenchDate(explanation.decidedOn)}`}>
        <Lines lines={explanation.conditions} />
      </Section>
      <Section title="Calcul du montant">
        <Lines lines={explanation.amount.steps} />
      </Section>
      <Section title={`Priorité : rang ${explanation.score.rank} sur ${explanation.score.of}`}>
        <Typography variant="body2">{explanation.score.label}</Typography>
      </Section>
      {explanation.competitors.length > 0 ? (
        <Section title={`Projets en concurrence (${explanation.competitorCount}, les plus proches au classement)`}>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>Rang</TableCell>
                <TableCell>Projet</TableCell>
                <TableCell align="right">Demandé</TableCell>
                <TableCell align="right">Attribué</TableCell>
                <TableCell>Issue</TableCell>
                <TableCell>Pourquoi</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {explanation.competitors.map((line) => (
                <TableRow key={line.projectId}>
                  <TableCell>{line.rank}</TableCell>
                  <TableCell>n° {line.projectId}</TableCell>
                  <TableCell align="right">{formatEuros(line.requestedCents)}</TableCell>
                  <TableCell align="right">{formatEuros(line.grantedCents)}</TableCell>
                  <TableCell>{OUTCOME_LABELS[line.outcome]}</TableCell>
                  <TableCell>{line.reason}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Section>
      ) : null}
    </Box>
  );
};
