import { defineStrings } from '../../i18n.js';

export const spinnerStrings = defineStrings({
  en: { loading: 'Loading…' },
  fi: { loading: 'Ladataan…' },
  sv: { loading: 'Laddar…' },
});
