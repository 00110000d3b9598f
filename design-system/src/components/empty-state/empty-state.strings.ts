import { defineStrings } from '../../i18n.js';

export const emptyStateStrings = defineStrings({
  en: { heading: 'Nothing here yet' },
  fi: { heading: 'Täällä ei ole vielä mitään' },
  sv: { heading: 'Här finns inget ännu' },
});
