import { defineStrings } from '../../i18n.js';

export const progressStrings = defineStrings({
  en: { progress: 'Progress' },
  fi: { progress: 'Edistyminen' },
  sv: { progress: 'Förlopp' },
});
