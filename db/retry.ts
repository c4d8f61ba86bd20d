import postgres from 'postgres';
import type { Db } from './client.ts';

/** An open transaction of the project's client. */
export type TransactionTx = postgres.TransactionSql<{ bigint: number }>;

/** Postgres aborts a transaction with these codes when running it again can succeed: deadlock, serialization. */
const RETRIED_CODES = new Set(['40P01', '40001']);
const MAX_ATTEMPTS = 5;

const pause = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.round(20 * attempt * (0.5 + Math.random()))));

/** Whether the error is Postgres aborting a transaction that may be run again: a deadlock or a serialization failure. */
export function isRetriedAbort(error: unknown): boolean {
  return error instanceof postgres.PostgresError && RETRIED_CODES.has(error.code);
}

/**
 * Runs the work in a transaction, and runs it again in a new one (at most 5 attempts, after a short random pause
 * growing with each attempt) while Postgres aborts it for a deadlock or a serialization failure.
 */
export async function retriedTransaction<T>(db: Db, work: (tx: TransactionTx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db.begin((tx) => work(tx))) as T;
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetriedAbort(error)) throw error;
      await pause(attempt);
    }
  }
}
