import { defineStrings } from '../../i18n.js';

export const dialogStrings = defineStrings({
  en: { close: 'Close' },
  fi: { close: 'Sulje' },
  sv: { close: 'Stäng' },
});
