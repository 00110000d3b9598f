import i18next from 'i18next';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@digione/sdk';
import { resources } from './resources.js';

const STORAGE_KEY = 'digione.locale';
type Listener = (locale: Locale) => void;
const listeners = new Set<Listener>();

/** i18next's plural suffixes (CLDR categories): `items_one` and `items_other` are both looked up as `items`. */
type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';

/** The dotted path of every string in the shell's resources, e.g. `header.signOut`; plural forms by their base key. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? K extends `${infer Base}${PluralSuffix}`
      ? `${Prefix}${Base}`
      : `${Prefix}${K}`
    : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** A key of one of the shell's strings. English is the typed source (resources.ts). */
export type MessageKey = Paths<(typeof resources)['en']>;

/**
 * The shell's own i18next instance (not the global one), so that nothing else in the page — a widget that bundles
 * i18next too — can change the shell's language or resources.
 */
const i18n = i18next.createInstance();

/**
 * The locale to start in. index.html's first script already chose it (saved choice, else the browser's first of
 * fi/sv/en, else Finnish) and set `<html lang>` before first paint; the shell starts from that attribute.
 */
export function initialLocale(lang: string = document.documentElement.lang): Locale {
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/**
 * Starts i18next with the shell's strings in the locale index.html chose, and keeps `<html lang>` in step. The
 * resources are bundled, so initialisation is synchronous in effect (`initAsync: false`): the first paint does not
 * wait for a microtask chain. Calling it again (a test, a remount) only returns the active locale.
 */
export async function initLocale(): Promise<Locale> {
  if (!i18n.isInitialized) {
    await i18n.init({
      lng: initialLocale(),
      fallbackLng: false,
      supportedLngs: [...LOCALES],
      resources: {
        fi: { translation: resources.fi },
        sv: { translation: resources.sv },
        en: { translation: resources.en },
      },
      initAsync: false,
      interpolation: { escapeValue: false }, // lit escapes everything it renders
      returnNull: false,
    });
  }
  const locale = currentLocale();
  document.documentElement.lang = locale;
  return locale;
}

/** The active locale. */
export function currentLocale(): Locale {
  const lng = i18n.language;
  return isLocale(lng) ? lng : initialLocale();
}

/** Switches the whole UI to `locale` without a reload, remembers it, and tells every listener (widgets too). */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === i18n.language) return;
  await i18n.changeLanguage(locale);
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
 * The shell's string `key` in the active locale, through i18next: each `{{name}}` is replaced by `vars.name`, and a
 * numeric `vars.count` picks the plural form (`key_one`, `key_other`, … by the locale's CLDR rules). Values are not
 * escaped: lit escapes everything it renders.
 */
export function t(key: MessageKey, vars?: Readonly<Record<string, string | number>>): string {
  return vars ? i18n.t(key, { ...vars }) : i18n.t(key);
}
