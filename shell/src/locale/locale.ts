import { DEFAULT_LOCALE, isLocale, type Locale } from '@digione/sdk';
import { resources } from './resources.js';

const STORAGE_KEY = 'digione.locale';
type Listener = (locale: Locale) => void;
const listeners = new Set<Listener>();
let active: Locale = DEFAULT_LOCALE;

/** The dotted path of every string in the shell's resources, e.g. `header.signOut`. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of one of the shell's strings. English is the typed source (resources.ts). */
export type MessageKey = Paths<(typeof resources)['en']>;

/**
 * The locale to start in. index.html's first script already chose it (saved choice, else the browser's first of
 * fi/sv/en, else Finnish) and set `<html lang>` before first paint; the shell starts from that attribute.
 */
export function initialLocale(lang: string = document.documentElement.lang): Locale {
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/**
 * Starts the shell's strings in the locale index.html chose and keeps `<html lang>` in step. (The shell's strings
 * need only lookups and `{{name}}` placeholders: a few lines here rather than i18next's ~20 kB gzipped on every
 * first load.)
 */
export async function initLocale(): Promise<Locale> {
  active = initialLocale();
  document.documentElement.lang = active;
  return active;
}

/** The active locale. */
export function currentLocale(): Locale {
  return active;
}

/** Switches the whole UI to `locale` without a reload, remembers it, and tells every listener (widgets too). */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === currentLocale()) return;
  active = locale;
  document.documentElement.lang = locale;
  localStorage.setItem(STORAGE_KEY, locale);
  for (const listener of [...listeners]) {
    try {
      listener(locale);
    } catch (error) {
      // A widget's listener must not stop the others from hearing about the switch.
      console.error('locale listener failed', error);
    }
  }
}

/** Calls `listener` after every locale switch; returns the function that stops it. */
export function onLocaleChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The shell's string `key` in the active locale, with each `{{name}}` replaced by `vars.name` (left as it is when
 * `vars` has no such member). Values are not escaped: lit escapes everything it renders.
 */
export function t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  let node: unknown = resources[active];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const template = typeof node === 'string' ? node : key;
  if (!vars) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
}
