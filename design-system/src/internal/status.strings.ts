import { defineStrings } from '../i18n.js';

/** Names of the status variants, read before an alert's or badge's text so that colour is not the only cue. */
export const statusStrings = defineStrings({
  en: { info: 'Information', success: 'Success', warning: 'Warning', danger: 'Error', dismiss: 'Dismiss' },
  fi: { info: 'Tiedoksi', success: 'Onnistui', warning: 'Varoitus', danger: 'Virhe', dismiss: 'Sulje ilmoitus' },
  sv: { info: 'Upplysning', success: 'Klart', warning: 'Varning', danger: 'Fel', dismiss: 'Stäng meddelandet' },
});

export type StatusVariant = 'info' | 'success' | 'warning' | 'danger';

/** An icon per variant (shape, not only colour), hidden from assistive technology. */
export const statusIcons: Readonly<Record<StatusVariant, string>> = {
  info: 'i',
  success: '✓',
  warning: '!',
  danger: '×',
};
