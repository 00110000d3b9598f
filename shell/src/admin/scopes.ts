import type { Locale } from '@digione/sdk';

/**
 * What each platform API scope lets a widget do, in plain words, for the catalogue's "requested data access" and the
 * approval dialog's checkboxes. Every scope a widget's token can carry (sandbox/src/api/access.ts `API_SCOPES`) has
 * a sentence; scripts/admin-scopes.test.ts fails when a scope of the catalogue or of the API has none. The table
 * lives with the admin area rather than in locale/resources.ts: only admins read it, and resources.ts is part of
 * every user's first paint.
 */
export const SCOPE_SENTENCES: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  'me.read': {
    fi: 'Näkee käyttäjän nimen, roolit ja koulut.',
    sv: 'Ser användarens namn, roller och skolor.',
    en: 'Sees the user’s name, roles and schools.',
  },
  'organisations.read': {
    fi: 'Näkee kunnan ja koulujen perustiedot.',
    sv: 'Ser grunduppgifterna om kommunen och skolorna.',
    en: 'Sees basic facts about the municipality and its schools.',
  },
  'groups.read': {
    fi: 'Näkee opetusryhmät ja niiden jäsenet.',
    sv: 'Ser undervisningsgrupperna och deras medlemmar.',
    en: 'Sees teaching groups and their members.',
  },
  'people.read': {
    fi: 'Näkee oppilaiden, huoltajien ja henkilökunnan nimet ja yhteystiedot.',
    sv: 'Ser namn och kontaktuppgifter för elever, vårdnadshavare och personal.',
    en: 'Sees the names and contact details of pupils, guardians and staff.',
  },
  'curriculum.read': {
    fi: 'Näkee lukukaudet, oppiaineet ja opetussuunnitelman.',
    sv: 'Ser terminer, läroämnen och läroplanen.',
    en: 'Sees terms, subjects and the curriculum.',
  },
  'schedule.read': {
    fi: 'Näkee lukujärjestyksen ja oppitunnit.',
    sv: 'Ser schemat och lektionerna.',
    en: 'Sees the timetable and lessons.',
  },
  'assignments.read': {
    fi: 'Näkee tehtävät ja niiden palautukset.',
    sv: 'Ser uppgifterna och inlämningarna.',
    en: 'Sees assignments and their submissions.',
  },
  'assessments.read': {
    fi: 'Näkee arvioinnit ja arvosanat.',
    sv: 'Ser bedömningar och vitsord.',
    en: 'Sees assessments and grades.',
  },
  'absences.read': {
    fi: 'Näkee poissaolot.',
    sv: 'Ser frånvaron.',
    en: 'Sees absences.',
  },
  'absences.write': {
    fi: 'Voi ilmoittaa ja muuttaa poissaoloja käyttäjän puolesta.',
    sv: 'Kan anmäla och ändra frånvaro för användarens räkning.',
    en: 'Can report and change absences on the user’s behalf.',
  },
  'studyrights.read': {
    fi: 'Näkee opiskeluoikeudet.',
    sv: 'Ser studierätterna.',
    en: 'Sees study rights.',
  },
  'messages.read': {
    fi: 'Näkee käyttäjän viestit.',
    sv: 'Ser användarens meddelanden.',
    en: 'Sees the user’s messages.',
  },
  'bulletin.read': {
    fi: 'Näkee koulujen tiedotteet.',
    sv: 'Ser skolornas meddelanden.',
    en: 'Sees the schools’ announcements.',
  },
  'xapi.read': {
    fi: 'Näkee oppimistapahtumat (xAPI).',
    sv: 'Ser inlärningshändelserna (xAPI).',
    en: 'Sees learning activity records (xAPI).',
  },
};

/** The sentence for `scope`, or, for a scope the table does not know, a sentence that names it as it is. */
export function describeScope(scope: string, locale: Locale): string {
  const known = Object.hasOwn(SCOPE_SENTENCES, scope) ? SCOPE_SENTENCES[scope] : undefined;
  if (known) return known[locale];
  const unknown: Record<Locale, string> = {
    fi: `Tuntematon käyttöoikeus: ${scope}`,
    sv: `Okänd åtkomst: ${scope}`,
    en: `Unknown access: ${scope}`,
  };
  return unknown[locale];
}
