import { defineStrings } from '../../i18n.js';

export const datePickerStrings = defineStrings({
  en: {
    choose: 'Choose a date',
    previousMonth: 'Previous month',
    nextMonth: 'Next month',
    format: 'Format: dd/mm/yyyy',
    invalid: 'Enter a date as dd/mm/yyyy, e.g. 28/11/2026.',
    selected: '{date}, selected',
  },
  fi: {
    choose: 'Valitse päivämäärä',
    previousMonth: 'Edellinen kuukausi',
    nextMonth: 'Seuraava kuukausi',
    format: 'Muoto: p.k.vvvv',
    invalid: 'Anna päivämäärä muodossa p.k.vvvv, esimerkiksi 28.11.2026.',
    selected: '{date}, valittu',
  },
  sv: {
    choose: 'Välj ett datum',
    previousMonth: 'Föregående månad',
    nextMonth: 'Nästa månad',
    format: 'Format: d.m.åååå',
    invalid: 'Ange ett datum som d.m.åååå, till exempel 28.11.2026.',
    selected: '{date}, valt',
  },
});
