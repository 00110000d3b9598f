import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@digione/sdk';
import { resources } from './resources.js';

const STORAGE_KEY = 'digione.locale';
type Listener = (locale: Locale) => void;
const listeners = new Set<Listener>();

/**
 * The locale to start in. index.html's first script already chose it (saved choice, else the browser's first of
 * fi/sv/en, else Finnish) and set `<html lang>` before first paint; the shell starts from that attribute.
 */
export function initialLocale(lang: string = document.documentElement.lang): Locale {
  return isLocale(lang) ? lang : DEFAULT_LOCALE;
}

/** Starts i18next with the shell's strings and keeps `<html lang>` in step. */
export async function initLocale(): Promise<Locale> {
  const locale = initialLocale();
  await i18next.init({
    lng: locale,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    resources: {
      fi: { translation: resources.fi },
      sv: { translation: resources.sv },
      en: { translation: resources.en },
    },
    interpolation: { escapeValue: false }, // lit escapes everything it renders
    returnNull: false,
  });
  document.documentElement.lang = locale;
  return locale;
}

/** The active locale. */
export function currentLocale(): Locale {
  const lng = i18next.language;
  return isLocale(lng) ? lng : DEFAULT_LOCALE;
}

/** Switches the whole UI to `locale` without a reload, remembers it, and tells every listener (widgets too). */
export async function setLocale(locale: Locale): Promise<void> {
  if (locale === currentLocale()) return;
  await i18next.changeLanguage(locale);
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

/** The shell's translate function. */
export const t: TFunction = i18next.t.bind(i18next);
