import type { Tx } from '../client.ts';

/** Appends an entry to the audit log: who did what to which entity. */
export async function recordAudit(
  db: Tx,
  entry: {
    actorId: number | null;
    action: string;
    entityType: string;
    entityId?: string;
    details?: object;
    ip?: string;
  },
): Promise<void> {
  await db`
    insert into audit_log (actor_id, action, entity_type, entity_id, details, ip)
    values (${entry.actorId}, ${entry.action}, ${entry.entityType}, ${entry.entityId ?? null},
            ${db.json((entry.details ?? {}) as never)}, ${entry.ip ?? null})`;
}
