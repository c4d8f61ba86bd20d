/** Money is always an integer number of euro cents. */
export type Cents = number;

/** Minimum donation: 5 €. */
export const MINIMUM_DONATION_CENTS: Cents = 500;

/** Largest minimum goal without an admin exception: 5 000 €. */
export const MINIMUM_GOAL_CAP_CENTS: Cents = 500_000;

/** Converts whole euros to cents, refusing anything that is not a safe integer amount. */
export function eurosToCents(euros: number): Cents {
  const cents = Math.round(euros * 100);
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Montant invalide : ${euros}`);
  return cents;
}

// built once: a formatter costs far more to create than to use (the funds engine formats thousands of amounts)
const EUROS = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' });

/** Formats cents the French way, e.g. 123456 → "1 234,56 €". */
export function formatEuros(cents: Cents): string {
  return EUROS.format(cents / 100);
}

/** Cents from euros as a person types them ("25", "25,50", "1 000 €"); NaN when it is not an amount. */
export function parseEuros(text: string): Cents {
  const cleaned = text.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(cleaned)) return Number.NaN;
  const [euros = '', cents = ''] = cleaned.split('.');
  return Number(euros) * 100 + Number(cents.padEnd(2, '0'));
}
