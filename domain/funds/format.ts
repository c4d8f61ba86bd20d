import { formatEuros, type Cents } from '../money.ts';

/** Cents in French with ordinary spaces, e.g. "1 234,56 €", so stored explanations read the same everywhere. */
export function euros(cents: Cents): string {
  return formatEuros(cents).replace(/\s/g, ' ');
}

/** An ISO calendar day (YYYY-MM-DD) the French way, e.g. "05/03/2026". */
export function frenchDate(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
}

/** A percentage in French, e.g. 2000 basis points → "20 %", 1250 → "12,5 %". */
export function percentFromBp(basisPoints: number): string {
  return `${String(basisPoints / 100).replace('.', ',')} %`;
}
