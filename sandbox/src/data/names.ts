/**
 * Name and address pools of the generated people. First names are common Finnish and Finland-Swedish ones; family
 * names and streets are made up so that nobody can mistake the data for real people (`Testinen`, `Exempel`,
 * `Testikatu`, `Provgatan`, postal codes `99xxx`).
 */
import type { SchoolLang } from './model.ts';

interface FirstNames {
  girls: readonly string[];
  boys: readonly string[];
  women: readonly string[];
  men: readonly string[];
}

export const FIRST_NAMES: Readonly<Record<SchoolLang, FirstNames>> = {
  fi: {
    girls: ['Aino', 'Aada', 'Eevi', 'Emma', 'Helmi', 'Lilja', 'Sofia', 'Venla', 'Olivia', 'Aurora', 'Pihla', 'Isla', 'Enni', 'Iida', 'Kerttu', 'Hilla', 'Siiri', 'Vilma', 'Minea', 'Nelli', 'Saana', 'Lumi', 'Elli', 'Veera', 'Oona', 'Anni', 'Emilia', 'Kaisla'],
    boys: ['Eino', 'Leo', 'Väinö', 'Oliver', 'Onni', 'Eeli', 'Niilo', 'Toivo', 'Leevi', 'Aatu', 'Lenni', 'Otto', 'Hugo', 'Eemil', 'Lauri', 'Joel', 'Luka', 'Aapo', 'Juho', 'Rasmus', 'Urho', 'Vilho', 'Akseli', 'Konsta', 'Daniel', 'Eetu', 'Topias', 'Iivo'],
    women: ['Johanna', 'Laura', 'Anna', 'Katja', 'Minna', 'Satu', 'Maria', 'Elina', 'Kaisa', 'Tiina', 'Riikka', 'Hanna', 'Piia', 'Marika', 'Suvi', 'Anu', 'Henna', 'Jaana', 'Kirsi', 'Noora', 'Sari', 'Terhi'],
    men: ['Mikko', 'Jukka', 'Timo', 'Janne', 'Antti', 'Matti', 'Sami', 'Markus', 'Tuomas', 'Teemu', 'Jussi', 'Marko', 'Kalle', 'Ari', 'Harri', 'Ilkka', 'Joonas', 'Pasi', 'Tero', 'Vesa', 'Aleksi', 'Heikki'],
  },
  sv: {
    girls: ['Ellen', 'Ebba', 'Alva', 'Saga', 'Stella', 'Alma', 'Elsa', 'Wilma', 'Ida', 'Linnea', 'Agnes', 'Frida', 'Emilia', 'Nora', 'Klara', 'Astrid', 'Selma', 'Tilda', 'Vera', 'Julia'],
    boys: ['Anton', 'Axel', 'William', 'Emil', 'Isak', 'Alexander', 'Oskar', 'Viktor', 'Ludvig', 'Edvin', 'Theo', 'Felix', 'Elis', 'Max', 'Noah', 'Albin', 'Linus', 'Vincent', 'Gustav', 'Leon'],
    women: ['Camilla', 'Sofia', 'Annika', 'Karin', 'Malin', 'Jessica', 'Susanna', 'Linda', 'Nina', 'Pia', 'Mia', 'Helena', 'Eva', 'Cecilia', 'Charlotta', 'Hanna'],
    men: ['Fredrik', 'Johan', 'Andreas', 'Patrik', 'Kristian', 'Henrik', 'Niklas', 'Thomas', 'Jonas', 'Mats', 'Magnus', 'Stefan', 'Tobias', 'Erik', 'Peter', 'Robert'],
  },
};

/** Family names that read as test data in each language. */
export const FAMILY_NAMES: Readonly<Record<SchoolLang, readonly string[]>> = {
  fi: [
    'Testinen', 'Testilä', 'Testimaa', 'Koelainen', 'Kokeilunen', 'Esimerkkinen', 'Mallinen', 'Demola', 'Testikoski', 'Koehonka',
    'Malliranta', 'Testiniemi', 'Esimerkkilä', 'Testijärvi', 'Kokeilumäki', 'Koevaara', 'Testilahti', 'Mallikas', 'Testivuori',
    'Koesalo', 'Testiranta', 'Kokeilusalo', 'Demonen', 'Testimäki', 'Esimerkkiaho', 'Koeaho', 'Testinummi', 'Harjoitusmaa',
    'Testikallio', 'Mallila', 'Kokeilukangas', 'Testiharju',
  ],
  sv: [
    'Exempel', 'Testberg', 'Exempelsson', 'Provholm', 'Testlund', 'Provén', 'Testqvist', 'Exempelgren', 'Provlind', 'Testdahl',
    'Provberg', 'Testblom', 'Exempelin', 'Testman', 'Provström', 'Testsjö', 'Exempelholm', 'Provnäs',
  ],
};

/** Streets of the generated home addresses, per language (`Testikatu 12 B 7`). */
export const STREETS: Readonly<Record<SchoolLang, readonly string[]>> = {
  fi: ['Testikatu', 'Koetie', 'Esimerkkipolku', 'Mallikuja', 'Testitie', 'Kokeilunkaari', 'Demokuja', 'Testirinne', 'Koeportti', 'Malliaukio'],
  sv: ['Provgatan', 'Testvägen', 'Exempelstigen', 'Provgränd', 'Testbacken', 'Exempelvägen'],
};
