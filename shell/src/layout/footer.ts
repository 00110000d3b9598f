import { html, type TemplateResult } from 'lit';
import { t } from '../locale/locale.js';

/**
 * Where the accessibility statement lives. The shell's host serves index.html for every path, so this is an ordinary
 * link: the statement opens in a fresh page load, whether the user is signed in or not.
 */
export const STATEMENT_PATH = '/accessibility';

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

/**
 * The footer's content: on every page, the link to the accessibility statement (Act 306/2019 §15 asks for it), in the
 * active language (its strings are in locale/resources.ts, under `footer`).
 */
export function renderFooter(): TemplateResult {
  return html`<nav class="footer-links" aria-label=${t('footer.label')}>
    <d1-link href=${STATEMENT_PATH} data-link="accessibility-statement">${t('footer.statement')}</d1-link>
  </nav>`;
}
