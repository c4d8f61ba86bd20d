import postgres from 'postgres';

/** The database client type used across the project (camelCase columns, bigint as number). */
export type Db = postgres.Sql<{ bigint: number }>;

/** A client or an open transaction: query functions accept either. */
export type Tx = Db | postgres.TransactionSql<{ bigint: number }>;

/** Creates the one postgres.js client of a process. */
export function createDb(
  url: string,
  options: { max?: number; debug?: (connection: number, query: string, parameters: unknown[]) => void } = {},
): Db {
  return postgres(url, {
    max: options.max ?? 10,
    ...(options.debug ? { debug: options.debug } : {}),
    transform: postgres.camel,
    onnotice: () => {},
    types: {
      // bigint ids and cents fit in a JS number (2^53 cents is 90 000 billion euros)
      bigint: {
        to: 20,
        from: [20],
        serialize: (value: number) => String(value),
        parse: (value: string) => Number(value),
      },
    },
  }) as unknown as Db;
}
