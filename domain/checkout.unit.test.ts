import { describe, expect, it } from 'vitest';
import { checkoutExpiresAt } from './checkout.ts';

const now = new Date('2026-05-12T10:00:00Z');

describe('a Checkout Session’s expiry', () => {
  it('is 35 minutes after it opens, for a fund or a campaign ending later', () => {
    expect(checkoutExpiresAt(now, null)).toEqual(new Date('2026-05-12T10:35:00Z'));
    expect(checkoutExpiresAt(now, new Date('2026-05-20T00:00:00Z'))).toEqual(new Date('2026-05-12T10:35:00Z'));
  });

  it('is the campaign’s deadline when it comes within those 35 minutes', () => {
    expect(checkoutExpiresAt(now, new Date('2026-05-12T10:33:00Z'))).toEqual(new Date('2026-05-12T10:33:00Z'));
  });

  it('is never sooner than Stripe accepts (31 minutes), close to the deadline', () => {
    expect(checkoutExpiresAt(now, new Date('2026-05-12T10:05:00Z'))).toEqual(new Date('2026-05-12T10:31:00Z'));
  });
});
