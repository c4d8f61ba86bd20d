import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppEnv } from '../context.ts';

function socketAddress(c: Context<AppEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // requests made in-process (app.request) have no socket
    return 'unknown';
  }
}

/**
 * The client's address as our `hops` trusted proxies saw it: each proxy appends the address it received from to
 * X-Forwarded-For, so the entry `hops` from the right (counting the socket as the first) is the one the outermost
 * of them wrote; what the client itself put in the header further left is never believed.
 */
export function forwardedClient(socket: string, forwardedFor: string | undefined, hops: number): string {
  const chain = [
    socket,
    ...(forwardedFor ?? '')
      .split(',')
      .map((hop) => hop.trim())
      .filter(Boolean)
      .reverse(),
  ];
  return chain[Math.min(hops, chain.length - 1)] as string;
}

/** The caller's IP address, taken through the configured number of trusted proxies (TRUST_PROXY_HOPS). */
export function clientIp(c: Context<AppEnv>): string {
  return forwardedClient(socketAddress(c), c.req.header('x-forwarded-for'), c.get('deps').config.TRUST_PROXY_HOPS);
}
