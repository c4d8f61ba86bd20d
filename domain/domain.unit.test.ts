import { describe, expect, it } from 'vitest';
import { daysLeft, stillNeededCents, takesGifts } from './campaign.ts';
import { eurosToCents, formatEuros, parseEuros } from './money.ts';
import { isAcademicEmail } from './roles.ts';
import { degreeOf, isUai, uaiCheckLetter } from './schools.ts';

describe('UAI codes', () => {
  it('accepts a code whose letter is its check letter', () => {
    expect(uaiCheckLetter('0590001')).toBe('F');
    expect(isUai('0590001F')).toBe(true);
    expect(isUai('0751234X')).toBe(uaiCheckLetter('0751234') === 'X');
  });

  it('refuses a wrong check letter, a lower-case letter or a wrong length', () => {
    expect(isUai('0590001A')).toBe(false);
    expect(isUai('0590001f')).toBe(false);
    expect(isUai('059001F')).toBe(false);
  });

  it('puts écoles in the 1er degré and collèges and lycées in the 2nd', () => {
    expect(degreeOf('ecole_maternelle')).toBe('premier');
    expect(degreeOf('ecole_elementaire')).toBe('premier');
    expect(degreeOf('college')).toBe('second');
    expect(degreeOf('lycee_professionnel')).toBe('second');
  });
});

describe('academic e-mail addresses', () => {
  const domains = ['ac-lille.fr', 'education.gouv.fr'];

  it('accepts an address on an allowed domain or one of its sub-domains, whatever the case', () => {
    expect(isAcademicEmail('claire.martin@ac-lille.fr', domains)).toBe(true);
    expect(isAcademicEmail('Claire.Martin@AC-LILLE.FR', domains)).toBe(true);
    expect(isAcademicEmail('direction@college.ac-lille.fr', domains)).toBe(true);
  });

  it('refuses look-alike domains and personal addresses', () => {
    expect(isAcademicEmail('claire@gmail.com', domains)).toBe(false);
    expect(isAcademicEmail('claire@fake-ac-lille.fr', domains)).toBe(false);
    expect(isAcademicEmail('claire@ac-lille.fr.evil.com', domains)).toBe(false);
    expect(isAcademicEmail('no-at-sign', domains)).toBe(false);
  });
});

describe('money', () => {
  it('converts euros to integer cents without floating-point drift', () => {
    expect(eurosToCents(19.99)).toBe(1999);
    expect(eurosToCents(0.1 + 0.2)).toBe(30);
  });

  it('formats cents the French way', () => {
    expect(formatEuros(123456).replace(/\s/g, ' ')).toBe('1 234,56 €');
  });
});

describe('amounts typed by donors', () => {
  it('reads euros the French way, with or without cents, spaces or the euro sign', () => {
    expect(parseEuros('25')).toBe(2500);
    expect(parseEuros('25,5')).toBe(2550);
    expect(parseEuros('1 000,05 €')).toBe(100005);
    expect(parseEuros('12.34')).toBe(1234);
  });

  it('refuses what is not an amount', () => {
    for (const text of ['', 'vingt', '-5', '1,234', '1e3', '12,3,4']) expect(parseEuros(text)).toBeNaN();
  });
});

describe('a campaign’s remaining need and time', () => {
  it('caps a gift at what the optimum still needs, counting reserved grants', () => {
    expect(stillNeededCents({ collectedCents: 100_000, reservedGrantCents: 20_000 }, 150_000)).toBe(30_000);
    expect(stillNeededCents({ collectedCents: 160_000, reservedGrantCents: 0 }, 150_000)).toBe(0);
  });

  it('counts a started day as a day left, and none once ended', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(daysLeft(now, new Date('2026-11-25T09:00:00Z'))).toBe(1);
    expect(daysLeft(now, new Date('2026-12-04T10:00:00Z'))).toBe(10);
    expect(daysLeft(now, new Date('2026-11-20T10:00:00Z'))).toBe(0);
  });
});

describe('a campaign taking gifts', () => {
  const now = new Date('2026-12-04T12:00:00Z');
  it('is a published one before its deadline, and no other', () => {
    expect(takesGifts({ status: 'published', campaignEndsAt: new Date('2026-12-04T12:00:01Z') }, now)).toBe(true);
    expect(takesGifts({ status: 'published', campaignEndsAt: now }, now)).toBe(false);
    expect(takesGifts({ status: 'published', campaignEndsAt: null }, now)).toBe(false);
    expect(takesGifts({ status: 'succeeded', campaignEndsAt: new Date('2027-01-01T00:00:00Z') }, now)).toBe(false);
  });
});
