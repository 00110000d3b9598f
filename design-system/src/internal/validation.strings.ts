import { defineStrings } from '../i18n.js';

/** Validation messages of every form control: the browser's own are in the browser's language, not the page's. */
export const validationStrings = defineStrings({
  en: {
    valueMissing: 'Fill in this field.',
    valueMissingChoice: 'Choose an option.',
    valueMissingCheck: 'Check this box to continue.',
    typeMismatchEmail: 'Enter an email address, like name@example.fi.',
    typeMismatchUrl: 'Enter a web address, like https://example.fi.',
    tooShort: 'Use at least {min} characters.',
    tooLong: 'Use at most {max} characters.',
    patternMismatch: 'Use the requested format.',
    badInput: 'Enter a valid value.',
    errorPrefix: 'Error:',
  },
  fi: {
    valueMissing: 'Täytä tämä kenttä.',
    valueMissingChoice: 'Valitse vaihtoehto.',
    valueMissingCheck: 'Valitse tämä ruutu jatkaaksesi.',
    typeMismatchEmail: 'Anna sähköpostiosoite, esimerkiksi nimi@example.fi.',
    typeMismatchUrl: 'Anna verkko-osoite, esimerkiksi https://example.fi.',
    tooShort: 'Käytä vähintään {min} merkkiä.',
    tooLong: 'Käytä enintään {max} merkkiä.',
    patternMismatch: 'Käytä pyydettyä muotoa.',
    badInput: 'Anna kelvollinen arvo.',
    errorPrefix: 'Virhe:',
  },
  sv: {
    valueMissing: 'Fyll i det här fältet.',
    valueMissingChoice: 'Välj ett alternativ.',
    valueMissingCheck: 'Markera den här rutan för att fortsätta.',
    typeMismatchEmail: 'Ange en e-postadress, till exempel namn@example.fi.',
    typeMismatchUrl: 'Ange en webbadress, till exempel https://example.fi.',
    tooShort: 'Använd minst {min} tecken.',
    tooLong: 'Använd högst {max} tecken.',
    patternMismatch: 'Använd det begärda formatet.',
    badInput: 'Ange ett giltigt värde.',
    errorPrefix: 'Fel:',
  },
});

/** Fills `{name}` placeholders. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
