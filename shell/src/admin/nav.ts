import { html, type TemplateResult } from 'lit';
import { plainClick } from './model.js';

/**
 * A link of the admin area's navigation lists: a design-system `d1-link` that opens its path in this page (the shell's
 * routing, so that a composer with unsaved changes can ask first), or, for the page shown, its name as plain text
 * marked `aria-current="page"` (a link to where the user already is would only reload it; d1-link cannot carry
 * `aria-current` to its inner anchor).
 */
export function navLink(path: string, label: string, current: boolean, navigate: (path: string) => void): TemplateResult {
  if (current) return html`<span class="nav-current" aria-current="page">${label}</span>`;
  return html`<d1-link
    href=${path}
    @click=${(event: MouseEvent) => {
      if (!plainClick(event)) return;
      event.preventDefault();
      navigate(path);
    }}
    >${label}</d1-link
  >`;
}
