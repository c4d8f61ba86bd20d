import { lazy, type ComponentType } from 'react';

/** A page loaded with its own chunk the first time it shows: `lazyPage(() => import('./X.tsx'), 'X')`. */
export function lazyPage<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}
