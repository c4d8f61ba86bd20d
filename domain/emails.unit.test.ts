import { describe, expect, it } from 'vitest';
import { signUnsubscribeToken, verifyUnsubscribeToken } from './email-links.ts';
import { emailKindOf, progressSendAfter, PROGRESS_WINDOW_MS, retryDelayMs } from './emails.ts';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

describe('unsubscribe links', () => {
  it('stand for the address and project they were signed for, whatever the case of the address', async () => {
    const token = await signUnsubscribeToken(SECRET, { email: 'Léa.Martin@Example.org', projectId: 42 });
    expect(await verifyUnsubscribeToken(SECRET, token)).toEqual({ email: 'léa.martin@example.org', projectId: 42 });
  });

  it('cannot be forged: another secret, another project or a truncated token is refused', async () => {
    const token = await signUnsubscribeToken(SECRET, { email: 'lea@example.org', projectId: 42 });
    const [, email, signature] = token.split('.');
    expect(await verifyUnsubscribeToken(`${SECRET}!`, token)).toBeUndefined();
    expect(await verifyUnsubscribeToken(SECRET, `43.${email}.${signature}`)).toBeUndefined();
    expect(await verifyUnsubscribeToken(SECRET, token.slice(0, -1))).toBeUndefined();
    expect(await verifyUnsubscribeToken(SECRET, '')).toBeUndefined();
  });
});

describe('kinds of e-mail', () => {
  it('makes campaign milestones progress e-mails for donors but transactional for the porteur', () => {
    expect(emailKindOf('minimum_reached', 'donors')).toBe('progress');
    expect(emailKindOf('campaign_succeeded', 'donors')).toBe('progress');
    expect(emailKindOf('minimum_reached', 'porteur')).toBe('transactional');
  });

  it('keeps the failure choice transactional and the published report news', () => {
    expect(emailKindOf('campaign_failed_choice', 'donors')).toBe('transactional');
    expect(emailKindOf('report_published', 'sponsors')).toBe('news');
  });
});

describe('progress throttling', () => {
  const now = new Date('2026-03-10T12:00:00Z');

  it('lets the first progress e-mail go at once', () => {
    expect(progressSendAfter(now, { lastSentAt: null, heldUntil: null })).toEqual(now);
  });

  it('holds a progress e-mail until three days after the last one went out', () => {
    const lastSentAt = new Date(now.getTime() - 24 * 3_600_000);
    expect(progressSendAfter(now, { lastSentAt, heldUntil: null })).toEqual(
      new Date(lastSentAt.getTime() + PROGRESS_WINDOW_MS),
    );
    expect(PROGRESS_WINDOW_MS).toBe(3 * 24 * 3_600_000);
  });

  it('makes a new one wait with those already waiting, so they go out together', () => {
    const heldUntil = new Date(now.getTime() + 3_600_000);
    expect(progressSendAfter(now, { lastSentAt: null, heldUntil })).toEqual(heldUntil);
  });
});

describe('delivery retries', () => {
  it('waits 1, 4, 16 then 64 minutes, and never more than 4 hours', () => {
    expect([1, 2, 3, 4].map(retryDelayMs)).toEqual([1, 4, 16, 64].map((minutes) => minutes * 60_000));
    expect(retryDelayMs(9)).toBe(4 * 3_600_000);
  });
});
