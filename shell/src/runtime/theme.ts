import type { ColorScheme } from '@digione/sdk';

type Listener = (scheme: ColorScheme) => void;

/**
 * The colour scheme in force: `<html data-theme>` when the platform sets it, else the system's
 * `prefers-color-scheme` (the same rule the design system's tokens follow).
 */
export function currentScheme(): ColorScheme {
  const forced = document.documentElement.dataset.theme;
  if (forced === 'light' || forced === 'dark') return forced;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Calls `listener` when the scheme changes, by system setting or `data-theme`; returns the function that stops it. */
export function onSchemeChange(listener: Listener): () => void {
  let last = currentScheme();
  const check = (): void => {
    const next = currentScheme();
    if (next === last) return;
    last = next;
    listener(next);
  };
  const media = matchMedia('(prefers-color-scheme: dark)');
  media.addEventListener('change', check);
  const observer = new MutationObserver(check);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => {
    media.removeEventListener('change', check);
    observer.disconnect();
  };
}
