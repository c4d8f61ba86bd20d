import { escapeHtml } from '../domain/html.ts';

/** A small French HTML page of the public site; `body` is HTML already escaped by the caller. */
export function htmlPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} — Trousse à Projets</title>
<style>
body { font-family: Helvetica, Arial, sans-serif; background: #f3f4f6; color: #1f2937; margin: 0; padding: 24px; }
main { max-width: 600px; margin: 0 auto; background: #fff; border-radius: 8px; padding: 24px 32px; }
header { color: #1d4ed8; font-weight: bold; font-size: 20px; max-width: 600px; margin: 0 auto 16px; }
h1 { font-size: 22px; }
.muted { color: #6b7280; }
</style>
</head>
<body>
<header>Trousse à Projets</header>
<main>
${body}
</main>
</body>
</html>`;
}
