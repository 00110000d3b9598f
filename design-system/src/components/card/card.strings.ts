import { defineStrings } from '../../i18n.js';

export const cardStrings = defineStrings({
  en: { loading: 'Loading…', errorTitle: 'Something went wrong', retry: 'Try again' },
  fi: { loading: 'Ladataan…', errorTitle: 'Jokin meni vikaan', retry: 'Yritä uudelleen' },
  sv: { loading: 'Laddar…', errorTitle: 'Något gick fel', retry: 'Försök igen' },
});
