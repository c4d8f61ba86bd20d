import { z } from '@hono/zod-openapi';

export const Resumed = z.object({ resumed: z.enum(['step_retried', 'restarted']) }).openapi('Resumed');
