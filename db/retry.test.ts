import { beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/db.ts';
import { retriedTransaction, type TransactionTx } from './retry.ts';

const { db } = await createTestDatabase();

beforeAll(async () => {
  await db`create table retry_probe (id int primary key, n int not null)`;
  await db`insert into retry_probe values (1, 0), (2, 0)`;
});

const bump = (tx: TransactionTx, id: number) => tx`update retry_probe set n = n + 1 where id = ${id}`;

describe('a transaction Postgres aborts for a deadlock', () => {
  it('runs again, so both transactions of a deadlock commit their work once', async () => {
    let bothLockedFirst: () => void = () => {};
    const barrier = new Promise<void>((resolve) => (bothLockedFirst = resolve));
    let waiting = 0;
    let attempts = 0;
    const crossing = (first: number, second: number) =>
      retriedTransaction(db, async (tx) => {
        attempts += 1;
        await bump(tx, first);
        waiting += 1;
        if (waiting === 2) bothLockedFirst();
        await barrier;
        await bump(tx, second);
        return first;
      });

    expect(await Promise.all([crossing(1, 2), crossing(2, 1)])).toEqual([1, 2]);

    expect(attempts).toBe(3);
    expect(await db`select id, n from retry_probe order by id`).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  it('leaves any other error to the caller at once', async () => {
    let attempts = 0;
    const failing = retriedTransaction(db, async (tx) => {
      attempts += 1;
      await tx`select 1 / 0`;
    });

    await expect(failing).rejects.toMatchObject({ code: '22012' });
    expect(attempts).toBe(1);
  });
});
