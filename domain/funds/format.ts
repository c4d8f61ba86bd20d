import { formatEuros, type Cents } from '../money.ts';

const CACHE_LIMIT = 10_000;

/** Remembers a pure function's last results: a sweep formats the same amounts and days once per fund. */
function remembered<T>(compute: (value: T) => string): (value: T) => string {
  const cache = new Map<T, string>();
  return (value) => {
    let text = cache.get(value);
    if (text === undefined) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      text = compute(value);
      cache.set(value, text);
    }
    return text;
  };
}

/** Cents in French with ordinary spaces, e.g. "1 234,56 €", so stored explanations read the same everywhere. */
export const euros: (cents: Cents) => string = remembered((cents) => formatEuros(cents).replace(/\s/g, ' '));

/** An ISO calendar day (YYYY-MM-DD) the French way, e.g. "05/03/2026". */
export const frenchDate: (isoDay: string) => string = remembered((isoDay) => {
  const [year, month, day] = isoDay.split('-');
  return `${day}/${month}/${year}`;
});

/** A percentage in French, e.g. 2000 basis points → "20 %", 1250 → "12,5 %". */
export function percentFromBp(basisPoints: number): string {
  return `${String(basisPoints / 100).replace('.', ',')} %`;
}
