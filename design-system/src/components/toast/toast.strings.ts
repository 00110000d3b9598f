import { defineStrings } from '../../i18n.js';

export const toastStrings = defineStrings({
  en: { region: 'Notifications' },
  fi: { region: 'Ilmoitukset' },
  sv: { region: 'Aviseringar' },
});
