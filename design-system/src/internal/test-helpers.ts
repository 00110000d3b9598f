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

/** An element in a host's shadow root; throws when missing, so a test fails with a clear message. */
export function part<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`<${host.localName}> rendered no ${selector}`);
  return found;
}

/** Runs `body` with `<html data-theme="dark">`. */
export async function inDarkTheme(body: () => Promise<unknown>): Promise<void> {
  document.documentElement.dataset['theme'] = 'dark';
  try {
    await body();
  } finally {
    delete document.documentElement.dataset['theme'];
  }
}

/** The next `name` event on `target`, typed by the event map. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: HTMLElement, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, resolve, { once: true }));
}
