const UNITS = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const TENS = [
  '',
  '',
  'vingt',
  'trente',
  'quarante',
  'cinquante',
  'soixante',
  'soixante',
  'quatre-vingt',
  'quatre-vingt',
];

/** 0–99 in French words (1990 spelling: hyphens between the words of a number). */
function belowHundred(n: number): string {
  if (n < 20) return UNITS[n] as string;
  const ten = Math.floor(n / 10);
  const unit = (n % 10) + (ten === 7 || ten === 9 ? 10 : 0);
  const stem = TENS[ten] as string;
  if (unit === 0) return ten === 8 ? 'quatre-vingts' : stem;
  if (n % 10 === 1 && ten <= 7) return `${stem}-et-${ten === 7 ? 'onze' : 'un'}`;
  return `${stem}-${UNITS[unit]}`;
}

/** 0–999 in French words; `last` adds the s of « cents » when nothing follows (deux-cents, but deux-cent-mille). */
function belowThousand(n: number, last: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head =
    hundreds === 0 ? '' : hundreds === 1 ? 'cent' : `${UNITS[hundreds]}-cent${rest === 0 && last ? 's' : ''}`;
  if (rest === 0) return head || 'zéro';
  return head ? `${head}-${belowHundred(rest)}` : belowHundred(rest);
}

/** A whole number below a billion in French words: 1 280 → « mille-deux-cent-quatre-vingts ». */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1_000_000_000) throw new RangeError(`Nombre hors limites : ${n}`);
  if (n === 0) return 'zéro';
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions) parts.push(`${belowThousand(millions, false)}-million${millions > 1 ? 's' : ''}`);
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)}-mille`);
  if (rest) parts.push(belowThousand(rest, true));
  return parts.join('-');
}

/** Cents in French words, as a tax receipt writes the sum: 12 050 → « cent-vingt euros et cinquante centimes ». */
export function amountInWords(cents: number): string {
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  const euroWords = `${numberInWords(euros)} euro${euros > 1 ? 's' : ''}`;
  return rest === 0 ? euroWords : `${euroWords} et ${numberInWords(rest)} centime${rest > 1 ? 's' : ''}`;
}
