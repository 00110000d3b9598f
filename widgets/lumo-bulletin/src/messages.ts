import { createTranslator } from '@digione/sdk';

const en = {
  loading: 'Loading announcements…',
  error: 'Announcements could not be loaded. Try again later.',
  empty: 'No announcements.',
  published: 'Published {date}',
} as const;

export const t = createTranslator<typeof en>({
  en,
  fi: {
    loading: 'Ladataan tiedotteita…',
    error: 'Tiedotteita ei saatu ladattua. Yritä myöhemmin uudelleen.',
    empty: 'Ei tiedotteita.',
    published: 'Julkaistu {date}',
  },
  sv: {
    loading: 'Meddelandena från skolan laddas…',
    error: 'Meddelandena från skolan kunde inte laddas. Försök igen senare.',
    empty: 'Inga meddelanden från skolan.',
    published: 'Publicerad {date}',
  },
});
