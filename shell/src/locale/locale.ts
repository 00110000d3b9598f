import i18next, { type TFunction } from 'i18next';
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from '@digione/sdk';
import { resources } from './resources.js';

const STORAGE_KEY = 'digione.locale';
type Listener = (locale: Locale) => void;
const listeners = new Set<Listener>();

/** The locale to start in: the saved choice, else the browser's first supported language, else Finnish. */
export function initialLocale(
  saved: string | null = localStorage.getItem(STORAGE_KEY),
  preferred: readonly string[] = navigator.languages,
): Locale {
  if (isLocale(saved)) return saved;
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return DEFAULT_LOCALE;
}

/** Starts i18next with the shell's strings and sets `<html lang>`. */
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
