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

/**
 * 0–99 in French words (1990 spelling: hyphens between the words of a number). `plural`: quatre-vingts keeps its
 * s at the end of a number or before « millions », not before « mille ».
 */
function belowHundred(n: number, plural: boolean): string {
  if (n < 20) return UNITS[n] as string;
  const ten = Math.floor(n / 10);
  const unit = (n % 10) + (ten === 7 || ten === 9 ? 10 : 0);
  const stem = TENS[ten] as string;
  if (unit === 0) return ten === 8 && plural ? 'quatre-vingts' : stem;
  if (n % 10 === 1 && ten <= 7) return `${stem}-et-${ten === 7 ? 'onze' : 'un'}`;
  return `${stem}-${UNITS[unit]}`;
}

/** 1–999 in French words; `plural` as for belowHundred, for « cents » too (deux-cents, deux-cent-mille). */
function belowThousand(n: number, plural: boolean): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head =
    hundreds === 0 ? '' : hundreds === 1 ? 'cent' : `${UNITS[hundreds]}-cent${rest === 0 && plural ? 's' : ''}`;
  if (rest === 0) return head;
  return head ? `${head}-${belowHundred(rest, plural)}` : belowHundred(rest, plural);
}

/** A whole number below a billion in French words: 1 280 → « mille-deux-cent-quatre-vingts ». */
export function numberInWords(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 1_000_000_000) throw new RangeError(`Nombre hors limites : ${n}`);
  if (n === 0) return 'zéro';
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor((n % 1_000_000) / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (millions) parts.push(`${belowThousand(millions, true)}-million${millions > 1 ? 's' : ''}`);
  if (thousands) parts.push(thousands === 1 ? 'mille' : `${belowThousand(thousands, false)}-mille`);
  if (rest) parts.push(belowThousand(rest, true));
  return parts.join('-');
}

/** Cents in French words, as a tax receipt writes the sum: 12 050 → « cent-vingt euros et cinquante centimes ». */
export function amountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError(`Montant hors limites : ${cents}`);
  const euros = Math.floor(cents / 100);
  const rest = cents % 100;
  // « un million d’euros »: a round number of millions is a noun, followed by « de »
  const unit = euros >= 1_000_000 && euros % 1_000_000 === 0 ? ' d’euros' : ` euro${euros > 1 ? 's' : ''}`;
  const euroWords = `${numberInWords(euros)}${unit}`;
  if (euros === 0 && rest > 0) return `${numberInWords(rest)} centime${rest > 1 ? 's' : ''}`;
  return rest === 0 ? euroWords : `${euroWords} et ${numberInWords(rest)} centime${rest > 1 ? 's' : ''}`;
}
