import { escapeHtml } from '../../domain/html.ts';
import { THEME_LABELS, type Theme } from '../../domain/projects.ts';

// a colour and a simple drawing (SVG path, 100×100 box) per theme
const PICTURES: Record<Theme, { colour: string; path: string }> = {
  classe_decouverte: { colour: '#0e7490', path: 'M10 80 L40 35 L55 55 L70 30 L90 80 Z M70 18 a6 6 0 1 0 0.1 0' },
  arts_culture: { colour: '#9d174d', path: 'M50 15 a35 30 0 1 0 10 60 a8 8 0 0 1 8 -12 a28 28 0 0 0 -18 -48 Z' },
  sciences_robotique: {
    colour: '#4338ca',
    path: 'M30 30 h40 v40 h-40 Z M40 45 h6 v6 h-6 Z M54 45 h6 v6 h-6 Z M48 15 v15 M30 70 v12 M70 70 v12',
  },
  developpement_durable: { colour: '#15803d', path: 'M50 85 V45 M50 45 C20 45 20 15 50 15 C80 15 80 45 50 45 Z' },
  lecture_ecriture: {
    colour: '#b45309',
    path: 'M15 25 Q35 18 50 28 Q65 18 85 25 V78 Q65 70 50 80 Q35 70 15 78 Z M50 28 V80',
  },
  langues_echanges: {
    colour: '#1d4ed8',
    path: 'M15 20 h45 v28 h-25 l-10 10 v-10 h-10 Z M45 52 h40 v26 h-10 v10 l-10 -10 h-20 Z',
  },
  sport: { colour: '#c2410c', path: 'M50 15 a35 35 0 1 0 0.1 0 M15 50 h70 M50 15 v70' },
  citoyennete: {
    colour: '#7e22ce',
    path: 'M20 80 h60 M25 75 V45 M40 75 V45 M60 75 V45 M75 75 V45 M15 42 L50 18 L85 42 Z',
  },
  numerique: { colour: '#334155', path: 'M15 22 h70 v44 h-70 Z M35 80 h30 M50 66 v14' },
};

/** The default picture of a theme, as an SVG document (for a project without a photo). */
export function themePicture(theme: Theme): string {
  const { colour, path } = PICTURES[theme];
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" role="img" aria-label="${escapeHtml(THEME_LABELS[theme])}">
<rect width="320" height="180" fill="${colour}"/>
<g transform="translate(110 20) scale(1.4)" fill="none" stroke="#fff" stroke-width="5" stroke-linejoin="round" stroke-linecap="round"><path d="${path}"/></g>
</svg>`;
}
