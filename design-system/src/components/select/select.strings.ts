import { defineStrings } from '../../i18n.js';

export const selectStrings = defineStrings({
  en: { choose: 'Choose…' },
  fi: { choose: 'Valitse…' },
  sv: { choose: 'Välj…' },
});
