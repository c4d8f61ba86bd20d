import { electronicFormatIBAN, isValidBIC, isValidIBAN, validateIBAN } from 'ibantools';

/** Bank details as a person typed them, normalised, or the French reason they are wrong. */
export type CheckedBankDetails = { iban: string; bic: string } | { error: string; field: 'iban' | 'bic' };

/**
 * Checks an IBAN (country, length, check digits) and a BIC; accepts spaces and lower case, returns them in the
 * electronic format banks expect (FR76 3000 6000 … → FR7630006000…).
 */
export function checkBankDetails(input: { iban: string; bic: string }): CheckedBankDetails {
  const iban = electronicFormatIBAN(input.iban) ?? '';
  if (!isValidIBAN(iban)) {
    const why = validateIBAN(iban).errorCodes.length ? ' (pays, longueur ou clé de contrôle)' : '';
    return { field: 'iban', error: `Cet IBAN n’est pas valide${why} : vérifiez-le sur le RIB de la structure.` };
  }
  const bic = input.bic.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(bic)) {
    return {
      field: 'bic',
      error: 'Ce BIC n’est pas valide : 8 ou 11 caractères, par exemple AGRIFRPP ou AGRIFRPP882.',
    };
  }
  return { iban, bic };
}

/** An IBAN shown to someone who needs to recognise it, not to use it: FR76 •••• •••• 0189. */
export function maskIban(iban: string): string {
  return `${iban.slice(0, 4)} •••• •••• ${iban.slice(-4)}`;
}
