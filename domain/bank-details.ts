import {
  electronicFormatIBAN,
  getCountrySpecifications,
  isSEPACountry,
  isValidBIC,
  validateIBAN,
  ValidationErrorsIBAN,
} from 'ibantools';

/** Bank details as a person typed them, normalised, or the French reason they are wrong. */
export type CheckedBankDetails = { iban: string; bic: string } | { error: string; field: 'iban' | 'bic' };

const CHECK_RIB = 'Vérifiez-le sur le RIB de la structure.';

/** Why an IBAN in electronic format is refused, in words a treasurer understands, or null when it is right. */
function ibanProblem(iban: string): string | null {
  if (iban === '') return 'L’IBAN est obligatoire.';
  const { errorCodes } = validateIBAN(iban);
  const country = iban.slice(0, 2);
  const has = (code: ValidationErrorsIBAN) => errorCodes.includes(code);
  if (has(ValidationErrorsIBAN.NoIBANCountry)) {
    return `Cet IBAN n’est pas valide : il commence par « ${country} », qui n’est pas un code pays d’IBAN (FR76… pour un compte en France).`;
  }
  const expected = getCountrySpecifications()[country]?.chars;
  if (has(ValidationErrorsIBAN.WrongBBANLength) && expected) {
    return `Cet IBAN n’est pas valide : un IBAN ${country} compte ${expected} caractères, celui-ci en a ${iban.length}. ${CHECK_RIB}`;
  }
  if (has(ValidationErrorsIBAN.WrongBBANFormat)) {
    return `Cet IBAN n’est pas valide : il ne suit pas le format des comptes de son pays. ${CHECK_RIB}`;
  }
  if (errorCodes.length > 0) {
    return `Cet IBAN n’est pas valide : sa clé de contrôle ne correspond pas, un caractère a sans doute été mal recopié. ${CHECK_RIB}`;
  }
  if (!isSEPACountry(country)) {
    return 'Cet IBAN n’est pas valide pour nos virements : le compte n’est pas dans la zone SEPA.';
  }
  return null;
}

/**
 * Checks an IBAN (country, length, format, check digits, SEPA zone) and a BIC; accepts spaces and lower case,
 * returns them in the electronic format banks expect (fr76 3000 6000 … → FR7630006000…).
 */
export function checkBankDetails(input: { iban: string; bic: string }): CheckedBankDetails {
  const iban = electronicFormatIBAN(input.iban) ?? '';
  const problem = ibanProblem(iban);
  if (problem) return { field: 'iban', error: problem };
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
