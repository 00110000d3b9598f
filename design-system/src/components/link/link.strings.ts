import { defineStrings } from '../../i18n.js';

export const linkStrings = defineStrings({
  en: { newTab: '(opens in a new tab)' },
  fi: { newTab: '(avautuu uuteen välilehteen)' },
  sv: { newTab: '(öppnas i en ny flik)' },
});
