import { createTranslator } from '@digione/sdk';

const en = {
  loading: 'Loading the schedule…',
  error: 'The schedule could not be loaded. Try again later.',
  noLessons: 'No lessons',
  thisWeek: 'This week',
  nextWeek: 'Next week',
  today: 'Today',
  room: 'Room {room}',
  actingFor: 'Schedule of {name}',
  pickChild: 'Choose a child to see their schedule.',
  lessonCount: '{count} lessons',
} as const;

export const t = createTranslator<typeof en>({
  en,
  fi: {
    loading: 'Ladataan lukujärjestystä…',
    error: 'Lukujärjestystä ei saatu ladattua. Yritä myöhemmin uudelleen.',
    noLessons: 'Ei oppitunteja',
    thisWeek: 'Tämä viikko',
    nextWeek: 'Ensi viikko',
    today: 'Tänään',
    room: 'Luokka {room}',
    actingFor: 'Lapsen {name} lukujärjestys',
    pickChild: 'Valitse lapsi nähdäksesi hänen lukujärjestyksensä.',
    lessonCount: '{count} oppituntia',
  },
  sv: {
    loading: 'Schemat laddas…',
    error: 'Schemat kunde inte laddas. Försök igen senare.',
    noLessons: 'Inga lektioner',
    thisWeek: 'Den här veckan',
    nextWeek: 'Nästa vecka',
    today: 'I dag',
    room: 'Sal {room}',
    actingFor: 'Schema för {name}',
    pickChild: 'Välj ett barn för att se barnets schema.',
    lessonCount: '{count} lektioner',
  },
});
