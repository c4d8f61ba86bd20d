import type { MiddlewareHandler } from 'hono';
import { ApiError } from './errors.ts';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why PostgreSQL would refuse (or silently alter) a text, in French; undefined when it stores as is. */
export function unstorableText(text: string): string | undefined {
  if (text.includes('\u0000')) return 'contient un caractère nul, refusé';
  if (LONE_SURROGATE.test(text)) return 'contient un caractère Unicode invalide';
  return undefined;
}

interface Finding {
  field: string;
  reason: string;
}

function inText(field: string, text: string): Finding | undefined {
  const reason = unstorableText(text);
  return reason ? { field, reason } : undefined;
}

/** The first text or number in a parsed JSON value that PostgreSQL could not take. */
function inJson(value: unknown, field: string): Finding | undefined {
  if (typeof value === 'string') return inText(field, value);
  if (typeof value === 'number') {
    return Math.abs(value) > Number.MAX_SAFE_INTEGER ? { field, reason: 'nombre trop grand' } : undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const path = field ? `${field}.${key}` : key;
    const found = inText(path, key) ?? inJson(item, path);
    if (found) return found;
  }
  return undefined;
}

function inEntries(entries: Iterable<[string, FormDataEntryValue]>): Finding | undefined {
  for (const [key, value] of entries) {
    const found = inText(key, key) ?? inText(key, typeof value === 'string' ? value : value.name);
    if (found) return found;
  }
  return undefined;
}

function inPath(path: string): Finding | undefined {
  for (const segment of path.split('/')) {
    try {
      const found = inText('chemin', decodeURIComponent(segment));
      if (found) return found;
    } catch {
      // an undecodable segment matches no route parameter as text: the router answers
    }
  }
  return undefined;
}

/** What the request carries that PostgreSQL would refuse: its path, query string and JSON or form body. */
async function findUnstorable(request: Request): Promise<Finding | undefined> {
  const url = new URL(request.url);
  const found = inPath(url.pathname) ?? inEntries(url.searchParams);
  if (found || !request.body) return found;
  const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (/^application\/([\w.-]+\+)?json$/.test(type)) {
    try {
      return inJson(JSON.parse(await request.clone().text()), '');
    } catch {
      return undefined;
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return inEntries(new URLSearchParams(await request.clone().text()));
  }
  if (type === 'multipart/form-data') {
    try {
      return inEntries(await request.clone().formData());
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Refuses with a 400, before any query, a request whose text PostgreSQL would refuse or alter (a NUL byte,
 * a lone UTF-16 surrogate) or whose JSON number is beyond what a bigint column or JavaScript holds exactly.
 */
export function refuseUnstorableInput(): MiddlewareHandler {
  return async (c, next) => {
    const found = await findUnstorable(c.req.raw);
    if (found) {
      const message = `Données invalides — ${found.field || 'corps'} : ${found.reason}.`;
      throw new ApiError(400, 'invalid_input', message, [{ path: found.field.split('.'), message: found.reason }]);
    }
    await next();
  };
}
