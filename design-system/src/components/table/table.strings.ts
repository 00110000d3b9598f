import { defineStrings } from '../../i18n.js';

export const tableStrings = defineStrings({
  en: {
    sortedAscending: 'Sorted by {column}, ascending',
    sortedDescending: 'Sorted by {column}, descending',
    empty: 'No rows to show',
  },
  fi: {
    sortedAscending: 'Järjestetty sarakkeen {column} mukaan nousevasti',
    sortedDescending: 'Järjestetty sarakkeen {column} mukaan laskevasti',
    empty: 'Ei näytettäviä rivejä',
  },
  sv: {
    sortedAscending: 'Sorterad efter {column}, stigande',
    sortedDescending: 'Sorterad efter {column}, fallande',
    empty: 'Inga rader att visa',
  },
});
