import { createTranslator } from '@digione/sdk';

const en = {
  loading: 'Loading the calendar…',
  error: 'The calendar could not be loaded. Try again later.',
  horizon: 'The next {days} days',
  termEnds: '{term} ends on {date} ({days} days left)',
  deadline: 'Due',
  dueAt: 'at {time}',
  termStart: '{term} starts',
  termEnd: '{term} ends',
  dayEvents: '{day}: {count} events',
  emptyHeading: 'Nothing coming up',
  emptyText: 'No assignments are due and no term starts or ends in the next {days} days.',
  actingFor: 'Calendar of {name}',
  pickChild: 'Choose a child to see their calendar.',
} as const;

/** The widget's strings in fi, sv and en: the same keys in each, English being the source. */
export const t = createTranslator<typeof en>({
  en,
  fi: {
    loading: 'Ladataan kalenteria…',
    error: 'Kalenteria ei saatu ladattua. Yritä myöhemmin uudelleen.',
    horizon: 'Seuraavat {days} päivää',
    termEnds: '{term} päättyy {date} ({days} päivää jäljellä)',
    deadline: 'Palautus',
    dueAt: 'klo {time}',
    termStart: '{term} alkaa',
    termEnd: '{term} päättyy',
    dayEvents: '{day}: {count} tapahtumaa',
    emptyHeading: 'Ei tulevia tapahtumia',
    emptyText: 'Seuraavien {days} päivän aikana ei ole palautettavia tehtäviä eikä lukukausi ala tai pääty.',
    actingFor: 'Lapsen {name} kalenteri',
    pickChild: 'Valitse lapsi nähdäksesi hänen kalenterinsa.',
  },
  sv: {
    loading: 'Kalendern laddas…',
    error: 'Kalendern kunde inte laddas. Försök igen senare.',
    horizon: 'De kommande {days} dagarna',
    termEnds: '{term} slutar {date} ({days} dagar kvar)',
    deadline: 'Inlämning',
    dueAt: 'kl. {time}',
    termStart: '{term} börjar',
    termEnd: '{term} slutar',
    dayEvents: '{day}: {count} händelser',
    emptyHeading: 'Inget på kommande',
    emptyText: 'Inga uppgifter ska lämnas in och ingen termin börjar eller slutar de kommande {days} dagarna.',
    actingFor: 'Kalender för {name}',
    pickChild: 'Välj ett barn för att se barnets kalender.',
  },
});
