/** The locales every DigiOne surface speaks. Finnish is the default. */
export const LOCALES = ['fi', 'sv', 'en'] as const;
/** One of the {@link LOCALES}. */
export type Locale = (typeof LOCALES)[number];
/** The locale used when nothing else decides. */
export const DEFAULT_LOCALE: Locale = 'fi';

/** Whether `value` is one of the {@link LOCALES}. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * The BCP 47 tag to format dates, times and numbers with `Intl` in a locale, as people in Finland expect them
 * (Swedish as written in Finland; English with day-month order and a 24-hour clock).
 */
export function intlLocale(locale: Locale): string {
  return { fi: 'fi-FI', sv: 'sv-FI', en: 'en-GB' }[locale];
}

/** A string table: English is the source type; Finnish and Swedish must have exactly the same keys. */
export type Messages<Source extends Record<string, string>> = Record<Locale, Record<keyof Source, string>>;

/**
 * Returns a translator over a fi/sv/en string table. `{name}` placeholders are filled from `vars`.
 *
 * @example
 * const t = createTranslator({ en: { hi: 'Hi {name}' }, fi: { hi: 'Hei {name}' }, sv: { hi: 'Hej {name}' } });
 * t('sv', 'hi', { name: 'Aino' }); // "Hej Aino"
 */
export function createTranslator<Source extends Record<string, string>>(
  messages: Messages<Source>,
): (locale: Locale, key: keyof Source & string, vars?: Readonly<Record<string, string | number>>) => string {
  return (locale, key, vars) => {
    const template = messages[locale][key] ?? messages.en[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      return value === undefined ? whole : String(value);
    });
  };
}
