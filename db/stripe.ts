import Stripe from 'stripe';

/** A Stripe client (shared by the api and the worker): the real API, or stripe-mock when apiUrl is given (development and tests). */
export function createStripeClient(options: { secretKey: string; apiUrl?: string }): Stripe {
  if (!options.apiUrl) return new Stripe(options.secretKey, { maxNetworkRetries: 2 });
  const url = new URL(options.apiUrl);
  return new Stripe(options.secretKey, {
    host: url.hostname,
    port: Number(url.port),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    maxNetworkRetries: 2,
  });
}
