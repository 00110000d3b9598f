import { createTranslator } from '@digione/sdk';

const en = {
  loading: 'Loading messages…',
  error: 'Messages could not be loaded. Try again later.',
  empty: 'No messages.',
  unread: 'Unread',
  unreadCount: '{count} unread',
  from: 'From {name}',
  sent: 'Sent {time}',
} as const;

export const t = createTranslator<typeof en>({
  en,
  fi: {
    loading: 'Ladataan viestejä…',
    error: 'Viestejä ei saatu ladattua. Yritä myöhemmin uudelleen.',
    empty: 'Ei viestejä.',
    unread: 'Lukematon',
    unreadCount: '{count} lukematonta',
    from: 'Lähettäjä {name}',
    sent: 'Lähetetty {time}',
  },
  sv: {
    loading: 'Meddelandena laddas…',
    error: 'Meddelandena kunde inte laddas. Försök igen senare.',
    empty: 'Inga meddelanden.',
    unread: 'Oläst',
    unreadCount: '{count} olästa',
    from: 'Från {name}',
    sent: 'Skickat {time}',
  },
});
