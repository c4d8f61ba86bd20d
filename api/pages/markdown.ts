import { Marked } from 'marked';
import { escapeHtml } from '../../domain/html.ts';

// links and pictures only to the web, e-mail, or this site: no javascript:, data: or other scheme
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    heading({ tokens, depth }) {
      const level = Math.min(6, depth + 1);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, tokens }) {
      const text = this.parser.parseInline(tokens);
      return SAFE_URL.test(href) ? `<a href="${escapeHtml(href)}">${text}</a>` : text;
    },
    image({ href, text }) {
      return SAFE_URL.test(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">` : escapeHtml(text);
    },
  },
});

/**
 * Markdown written by an admin as HTML for the public site: raw HTML is shown as text, never run; links and
 * pictures keep only web, e-mail and local addresses; headings start at h2 under the page's h1.
 */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
