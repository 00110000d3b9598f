import { aTimeout } from '@open-wc/testing';
import type { LitElement } from 'lit';
import type { Locale } from '../i18n.js';

/** Sets `<html lang>` and waits until the shared observer has re-rendered `elements`. */
export async function setPageLocale(locale: Locale | null, ...elements: LitElement[]): Promise<void> {
  if (locale === null) document.documentElement.removeAttribute('lang');
  else document.documentElement.lang = locale;
  await aTimeout(0);
  await Promise.all(elements.map((element) => element.updateComplete));
}

/** The text of an element's shadow root part, whitespace collapsed. */
export function shadowText(host: Element, selector: string): string {
  return host.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
}
