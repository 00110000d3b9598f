import { createTranslator } from '@digione/sdk';

const en = {
  loading: 'Loading materials…',
  error: 'Materials could not be loaded. Try again later.',
  empty: 'No materials for this subject yet.',
  subject: 'Subject',
  goals: 'Goals and materials for grades {band}',
  open: 'Open the core curriculum of {subject}',
  standalone: 'Vire materials open inside DigiOne.',
  teacherNote: 'Share these goals with your groups.',
} as const;

export const t = createTranslator<typeof en>({
  en,
  fi: {
    loading: 'Ladataan materiaaleja…',
    error: 'Materiaaleja ei saatu ladattua. Yritä myöhemmin uudelleen.',
    empty: 'Tälle oppiaineelle ei ole vielä materiaaleja.',
    subject: 'Oppiaine',
    goals: 'Tavoitteet ja materiaalit vuosiluokille {band}',
    open: 'Avaa oppiaineen {subject} opetussuunnitelman perusteet',
    standalone: 'Viren materiaalit avautuvat DigiOnessa.',
    teacherNote: 'Jaa nämä tavoitteet ryhmillesi.',
  },
  sv: {
    loading: 'Materialet laddas…',
    error: 'Materialet kunde inte laddas. Försök igen senare.',
    empty: 'Inget material för det här ämnet ännu.',
    subject: 'Ämne',
    goals: 'Mål och material för årskurs {band}',
    open: 'Öppna grunderna för läroplanen i {subject}',
    standalone: 'Vires material öppnas i DigiOne.',
    teacherNote: 'Dela målen med dina grupper.',
  },
});
