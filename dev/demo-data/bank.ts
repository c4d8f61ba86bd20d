/** Completes a digit string with its Luhn check digit (SIREN and SIRET use it). */
export function withLuhnDigit(digits: string): string {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return digits + String((10 - (sum % 10)) % 10);
}

/** A 14-digit SIRET whose SIREN and SIRET both pass the Luhn check. */
export function siret(sirenPrefix: string, nicPrefix: string): string {
  return withLuhnDigit(withLuhnDigit(sirenPrefix.padEnd(8, '0').slice(0, 8)) + nicPrefix.padStart(4, '0'));
}

/** True when the IBAN's mod-97 checksum is right (ISO 13616). */
export function isValidIbanChecksum(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  return mod97(rearranged) === 1n;
}

/** A French IBAN (FR76 + 23 characters) from a bank code, branch code and 11-digit account number. */
export function frenchIban(bank: string, branch: string, account: string): string {
  const ribKey = 97n - ((89n * BigInt(bank) + 15n * BigInt(branch) + 3n * BigInt(account)) % 97n);
  const bban = `${bank}${branch}${account}${String(ribKey).padStart(2, '0')}`;
  const check = 98n - mod97(`${bban}FR00`);
  return `FR${String(check).padStart(2, '0')}${bban}`;
}

function mod97(alphanumeric: string): bigint {
  const digits = [...alphanumeric].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('');
  return BigInt(digits) % 97n;
}

/** French banks that hold the demo structures' accounts. */
export const DEMO_BANKS = [
  { bank: '20041', branch: '01005', bic: 'PSSTFRPPLIL' },
  { bank: '10278', branch: '02900', bic: 'CMCIFR2A' },
  { bank: '16275', branch: '00600', bic: 'CEPAFRPP627' },
  { bank: '30003', branch: '02180', bic: 'SOGEFRPP' },
  { bank: '30004', branch: '00819', bic: 'BNPAFRPPXXX' },
  { bank: '13306', branch: '00030', bic: 'AGRIFRPP833' },
] as const;
