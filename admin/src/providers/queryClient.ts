import { QueryClient } from '@tanstack/react-query';

const MAX_RETRIES = 3;

/** Whether a failed query may succeed on retry: not when the API answered with a 4xx (a 401 means signed out). */
export function worthRetrying(failureCount: number, error: unknown): boolean {
  const status = (error as { status?: number } | undefined)?.status;
  if (status !== undefined && status >= 400 && status < 500) return false;
  return failureCount < MAX_RETRIES;
}

/** The admin's query client: refusals are final at once, network and server failures are retried. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: worthRetrying }, mutations: { retry: false } },
});
