/**
 * How long a donor has to pay on Checkout at most, and so how long a gift being paid holds its share of the
 * optimum: Stripe's minimum of 30 minutes after the session's creation, plus 5 for the time it takes to create it.
 */
export const CHECKOUT_LIFETIME_MS = 35 * 60_000;
/** The shortest Checkout lifetime Stripe accepts is 30 minutes; one more leaves room for the request's own time. */
export const CHECKOUT_MIN_LIFETIME_MS = 31 * 60_000;

/**
 * When a Checkout Session opened now expires: CHECKOUT_LIFETIME_MS later, or at the campaign's deadline when it comes first, but
 * never sooner than Stripe accepts. A gift is thus paid at most CHECKOUT_MIN_LIFETIME_MS after the deadline.
 */
export function checkoutExpiresAt(now: Date, deadline: Date | null): Date {
  const latest = now.getTime() + CHECKOUT_LIFETIME_MS;
  const earliest = now.getTime() + CHECKOUT_MIN_LIFETIME_MS;
  return new Date(Math.max(earliest, Math.min(latest, deadline?.getTime() ?? latest)));
}
