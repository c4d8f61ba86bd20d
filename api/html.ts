import { z } from '@hono/zod-openapi';
import { createHash } from 'node:crypto';
import { escapeHtml } from '../domain/html.ts';

const STYLE = `
body { font-family: Helvetica, Arial, sans-serif; background: #f3f4f6; color: #1f2937; margin: 0; padding: 24px; }
main { max-width: 600px; margin: 0 auto; background: #fff; border-radius: 8px; padding: 24px 32px; }
header { color: #1d4ed8; font-weight: bold; font-size: 20px; max-width: 600px; margin: 0 auto 16px; }
h1 { font-size: 22px; }
.muted { color: #6b7280; }
.field label { display: block; font-weight: bold; }
.field input, .field select { width: 100%; box-sizing: border-box; padding: 8px; font-size: 16px; margin-top: 4px; }
.error { display: block; color: #b91c1c; }
.alert { border: 2px solid #b91c1c; padding: 8px 16px; border-radius: 6px; }
fieldset { border: 1px solid #d1d5db; border-radius: 6px; margin: 16px 0; }
progress { width: 100%; height: 20px; }
button { background: #1d4ed8; color: #fff; border: 0; border-radius: 6px; padding: 12px 20px; font-size: 16px; cursor: pointer; }
a { color: #1d4ed8; }
`;

/** The Content-Security-Policy source that admits the pages' one inline style sheet, and nothing else inline. */
export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

/** An HTML page response, for the OpenAPI document. */
export const htmlResponse = (description: string) => ({
  description,
  content: { 'text/html': { schema: z.string() } },
});

/** A small French HTML page of the public site; `body` is HTML already escaped by the caller. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Trousse à Projets</title>
<style>${STYLE}</style>
</head>
<body>
<header>Trousse à Projets</header>
<main>
${body}
</main>
</body>
</html>`;
}
