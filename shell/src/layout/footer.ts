import { html, type TemplateResult } from 'lit';
import type { Locale } from '@digione/sdk';

/**
 * Where the accessibility statement lives. The shell's host serves index.html for every path, so this is an ordinary
 * link: the statement opens in a fresh page load, whether the user is signed in or not.
 */
export const STATEMENT_PATH = '/accessibility';

/**
 * The footer's own few strings. They live here rather than in resources.ts because the statement they point to keeps
 * its text in its own lazily loaded module (statement.ts): the footer needs only its link's name on first load.
 */
const FOOTER_TEXT: Record<Locale, { label: string; statement: string }> = {
  fi: { label: 'Sivuston tiedot', statement: 'Saavutettavuusseloste' },
  sv: { label: 'Information om webbplatsen', statement: 'Tillgänglighetsutlåtande' },
  en: { label: 'About this site', statement: 'Accessibility statement' },
};

/** Is the current page the accessibility statement? */
export function isStatementPage(pathname: string = location.pathname): boolean {
  return pathname.replace(/\/+$/, '') === STATEMENT_PATH;
}

/**
 * The page's `<footer>` (the contentinfo landmark), after `<main>`: index.html paints header and main only, so the
 * footer is created once by the shell and kept for the page's life.
 */
export function footerElement(main: HTMLElement): HTMLElement {
  const existing = document.querySelector<HTMLElement>('body > footer.site-footer');
  if (existing) return existing;
  const footer = document.createElement('footer');
  footer.className = 'site-footer';
  main.after(footer);
  return footer;
}

/** The footer's content: on every page, the link to the accessibility statement (Act 306/2019 §15 asks for it). */
export function renderFooter(locale: Locale): TemplateResult {
  const text = FOOTER_TEXT[locale];
  return html`<nav class="footer-links" aria-label=${text.label}>
    <a href=${STATEMENT_PATH} data-link="accessibility-statement">${text.statement}</a>
  </nav>`;
}
