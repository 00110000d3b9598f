/**
 * Locale for components: the closest `lang` around the element (normally `<html lang>`, which the shell sets),
 * narrowed to one of fi, sv, en; Finnish when there is none or an unknown one.
 *
 * @packageDocumentation
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The locales every DigiOne surface speaks. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
/** Finnish: the language of most users, and what a page without `lang` gets. */
export const DEFAULT_LOCALE: Locale = 'fi';

/** Narrows a BCP 47 tag (`sv-FI`, `EN`, `fi`) to a {@link Locale}. */
export function toLocale(tag: string | null | undefined): Locale {
  const language = tag?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return (LOCALES as readonly string[]).includes(language) ? (language as Locale) : DEFAULT_LOCALE;
}

/** The locale of the closest `lang` attribute around `element`, looking through shadow roots to their hosts. */
export function localeOf(element: Element): Locale {
  let current: Element | null = element;
  while (current) {
    const withLang = current.closest('[lang]');
    if (withLang) return toLocale(withLang.getAttribute('lang'));
    const root = current.getRootNode();
    current = root instanceof ShadowRoot ? root.host : null;
  }
  return DEFAULT_LOCALE;
}

/** A translation of a source table: exactly the source's keys. */
export type Translation<Source> = { readonly [K in keyof Source]: string };

/** A component's strings: English is the source type; Finnish and Swedish have exactly its keys. */
export interface StringTable<Source extends Record<string, string>> {
  readonly en: Source;
  readonly fi: Translation<Source>;
  readonly sv: Translation<Source>;
}

/**
 * Declares a component's string table. The English table defines the keys; a missing or extra key in fi or sv is a
 * type error.
 */
export function defineStrings<Source extends Record<string, string>>(table: {
  readonly en: Source;
  readonly fi: Translation<NoInfer<Source>>;
  readonly sv: Translation<NoInfer<Source>>;
}): StringTable<Source> {
  return table;
}

/** Controllers of connected hosts; one shared observer serves them all and stops when none is left. */
const watching = new Set<LocaleController<Record<string, string>>>();
let observer: MutationObserver | undefined;

function watch(controller: LocaleController<Record<string, string>>): void {
  watching.add(controller);
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const each of watching) each.refresh();
  });
  // subtree: a `lang` set on a container of the page (not only on <html>) changes the locale of what is inside it.
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

function unwatch(controller: LocaleController<Record<string, string>>): void {
  watching.delete(controller);
  if (watching.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Gives a lit element its locale and strings, and re-renders it when its locale changes (a `lang` attribute in the
 * document changing, e.g. the shell switching `<html lang>`). A `lang` set inside a shadow root is read when the
 * element connects but not observed.
 *
 * @example
 * readonly #i18n = new LocaleController(this, cardStrings);
 * render() { return html`${this.#i18n.strings.retry}`; }
 */
export class LocaleController<Source extends Record<string, string>> implements ReactiveController {
  readonly #host: ReactiveControllerHost & Element;
  readonly #table: StringTable<Source>;
  #locale: Locale = DEFAULT_LOCALE;

  constructor(host: ReactiveControllerHost & Element, table: StringTable<Source>) {
    this.#host = host;
    this.#table = table;
    host.addController(this);
  }

  /** The host's current locale. */
  get locale(): Locale {
    return this.#locale;
  }

  /** The host's strings in its current locale. */
  get strings(): Translation<Source> {
    return this.#table[this.#locale];
  }

  hostConnected(): void {
    this.#locale = localeOf(this.#host);
    watch(this);
  }

  hostDisconnected(): void {
    unwatch(this);
  }

  /** Re-reads the locale and asks the host to render again if it changed. Called by the shared observer. */
  refresh(): void {
    const next = localeOf(this.#host);
    if (next === this.#locale) return;
    this.#locale = next;
    this.#host.requestUpdate();
  }
}
