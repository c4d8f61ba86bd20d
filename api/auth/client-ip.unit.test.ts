import { describe, expect, it } from 'vitest';
import { parseApiConfig } from '../config.ts';
import { forwardedClient } from './client-ip.ts';

describe('the client address behind trusted proxies', () => {
  it('is the socket when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(forwardedClient('203.0.113.5', '198.51.100.1', 0)).toBe('203.0.113.5');
  });

  it('is the hop written by the outermost trusted proxy, never one the client wrote', () => {
    expect(forwardedClient('10.0.0.2', 'forged, 198.51.100.7', 1)).toBe('198.51.100.7');
    expect(forwardedClient('10.0.0.2', 'forged, 198.51.100.7, 10.0.0.1', 2)).toBe('198.51.100.7');
  });

  it('is the farthest address known when fewer proxies than trusted were crossed', () => {
    expect(forwardedClient('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
    expect(forwardedClient('10.0.0.2', '198.51.100.7', 3)).toBe('198.51.100.7');
  });

  it('is configured by TRUST_PROXY_HOPS: the former TRUST_PROXY stops the start, naming its replacement', () => {
    expect(() =>
      parseApiConfig({ DATABASE_URL: 'postgres://u:p@db/t', STRIPE_SECRET_KEY: 'sk_test', TRUST_PROXY: 'true' }),
    ).toThrow(/TRUST_PROXY: replaced by TRUST_PROXY_HOPS/);
  });
});
