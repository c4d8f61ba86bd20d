import { Chip, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { formatDate, formatEuros, plural } from '../../../../domain/format.ts';
import type { GestionnaireHomeResponse as Summary } from '../../../../contracts/homes.ts';
import type { BankDetailsState } from '../../../../domain/homes.ts';
import { ActLink, Figure, Figures, HomeSection, useHome, WideTable } from './HomeSection.tsx';

const BANK_DETAILS: Record<BankDetailsState, string> = {
  missing: 'À saisir',
  awaiting_validation: 'En attente de validation',
  validated: 'Validées',
};

const PAYOUT_STATUS = { recorded: 'À virer', exported: 'Virement transmis à la banque', confirmed: 'Versé' } as const;

/** A gestionnaire's home: their structures' bank details, receipts to validate, payouts coming and done. */
export const GestionnaireHome = () => {
  const { data } = useHome<Summary>('gestionnaire');
  if (!data) return null;
  return (
    <HomeSection title="Vos structures réceptrices">
      <Figures>
        <Figure
          value={String(data.receiptsToValidate)}
          label={plural(data.receiptsToValidate, 'reçu fiscal à valider', 'reçus fiscaux à valider')}
          to="/tax-receipts"
        />
        <Figure
          value={formatEuros(data.payoutsComing.cents)}
          label={`à venir (${plural(data.payoutsComing.count, 'versement')})`}
        />
        <Figure
          value={formatEuros(data.payoutsDone.cents)}
          label={`reçus (${plural(data.payoutsDone.count, 'versement')})`}
        />
      </Figures>
      {data.projectsAwaitingBankDetails > 0 ? (
        <Typography color="error" gutterBottom>
          {`${plural(data.projectsAwaitingBankDetails, 'projet réussi attend', 'projets réussis attendent')} vos coordonnées bancaires validées pour être versé${data.projectsAwaitingBankDetails > 1 ? 's' : ''}.`}
        </Typography>
      ) : null}
      <WideTable>
        <Table size="small" aria-label="Vos structures et leurs coordonnées bancaires">
          <TableHead>
            <TableRow>
              <TableCell>Structure</TableCell>
              <TableCell>Établissement</TableCell>
              <TableCell>Coordonnées bancaires</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.structures.map((structure) => (
              <TableRow key={structure.id}>
                <TableCell>
                  <ActLink to={`/structures/${structure.id}/show`}>{structure.legalName}</ActLink>
                </TableCell>
                <TableCell>{structure.schoolName}</TableCell>
                <TableCell>
                  <Chip size="small" variant="outlined" label={BANK_DETAILS[structure.bankDetails]} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </WideTable>
      {data.payouts.length > 0 ? (
        <WideTable>
          <Table size="small" aria-label="Derniers versements" sx={{ mt: 2 }}>
            <TableHead>
              <TableRow>
                <TableCell>Projet</TableCell>
                <TableCell align="right">Montant</TableCell>
                <TableCell>État</TableCell>
                <TableCell>Date</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.payouts.map((payout) => (
                <TableRow key={payout.id}>
                  <TableCell>{payout.projectTitle}</TableCell>
                  <TableCell align="right">{formatEuros(payout.amountCents)}</TableCell>
                  <TableCell>{PAYOUT_STATUS[payout.status]}</TableCell>
                  <TableCell>{formatDate(payout.at)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </WideTable>
      ) : null}
    </HomeSection>
  );
};
