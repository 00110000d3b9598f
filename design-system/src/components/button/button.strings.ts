import { defineStrings } from '../../i18n.js';

export const buttonStrings = defineStrings({
  en: { loading: 'Loading…' },
  fi: { loading: 'Ladataan…' },
  sv: { loading: 'Laddar…' },
});
