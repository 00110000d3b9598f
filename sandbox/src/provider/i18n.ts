/** The sandbox provider's page texts in the platform's three locales. English is the source. */

export const PAGE_LOCALES = ['fi', 'sv', 'en'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];

const en = {
  languageName: 'English',
  languageNav: 'Language',
  product: 'DigiOne sandbox',
  sandboxNotice: 'This is a test environment: the identity service stands in for MPASSid and Suomi.fi and knows only test users.',
  signInHeading: 'Sign in',
  signInTitle: 'Sign in – DigiOne sandbox',
  username: 'Username',
  password: 'Password',
  submit: 'Sign in',
  cancel: 'Cancel and return to the service',
  sourceNav: 'Sign in with',
  sourceMpassid: 'MPASSid – pupils and school staff',
  sourceSuomifi: 'Suomi.fi – guardians',
  sourceMpassidHeading: 'Sign in with MPASSid',
  sourceSuomifiHeading: 'Sign in with Suomi.fi identification',
  wrongCredentials: 'Wrong username or password. Check them and try again.',
  missingCredentials: 'Enter both username and password.',
  personasHeading: 'Test users',
  passwordHint: 'The password of every test user is “sandbox”.',
  columnUser: 'Username',
  columnWho: 'Who',
  columnSource: 'Signs in with',
  signOutTitle: 'Signing out – DigiOne sandbox',
  signOutHeading: 'Signing out',
  signOutAsk: 'Do you want to sign out of DigiOne?',
  signOutAuto: 'You are being signed out. If nothing happens, press the button.',
  signOutYes: 'Sign out',
  signOutNo: 'Stay signed in',
  signedOutTitle: 'Signed out – DigiOne sandbox',
  signedOutHeading: 'You have signed out',
  signedOutText: 'You can close this window.',
  errorTitle: 'Error – DigiOne sandbox',
  errorHeading: 'Sign-in could not continue',
  errorText: 'Return to the service and start again.',
  expiredText: 'The sign-in took too long or was already finished. Return to the service and sign in again.',
} as const;

export type PageTexts = Record<keyof typeof en, string>;

const fi: PageTexts = {
  languageName: 'Suomi',
  languageNav: 'Kieli',
  product: 'DigiOne-hiekkalaatikko',
  sandboxNotice: 'Tämä on testiympäristö: tunnistuspalvelu korvaa MPASSidin ja Suomi.fi:n ja tuntee vain testikäyttäjät.',
  signInHeading: 'Kirjaudu sisään',
  signInTitle: 'Kirjaudu sisään – DigiOne-hiekkalaatikko',
  username: 'Käyttäjätunnus',
  password: 'Salasana',
  submit: 'Kirjaudu',
  cancel: 'Peruuta ja palaa palveluun',
  sourceNav: 'Tunnistautumistapa',
  sourceMpassid: 'MPASSid – oppilaat ja koulun henkilökunta',
  sourceSuomifi: 'Suomi.fi – huoltajat',
  sourceMpassidHeading: 'Kirjaudu MPASSidillä',
  sourceSuomifiHeading: 'Kirjaudu Suomi.fi-tunnistuksella',
  wrongCredentials: 'Väärä käyttäjätunnus tai salasana. Tarkista ne ja yritä uudelleen.',
  missingCredentials: 'Anna sekä käyttäjätunnus että salasana.',
  personasHeading: 'Testikäyttäjät',
  passwordHint: 'Kaikkien testikäyttäjien salasana on ”sandbox”.',
  columnUser: 'Käyttäjätunnus',
  columnWho: 'Kuka',
  columnSource: 'Tunnistautuu',
  signOutTitle: 'Uloskirjautuminen – DigiOne-hiekkalaatikko',
  signOutHeading: 'Uloskirjautuminen',
  signOutAsk: 'Haluatko kirjautua ulos DigiOnesta?',
  signOutAuto: 'Sinua kirjataan ulos. Jos mitään ei tapahdu, paina painiketta.',
  signOutYes: 'Kirjaudu ulos',
  signOutNo: 'Pysy kirjautuneena',
  signedOutTitle: 'Kirjauduttu ulos – DigiOne-hiekkalaatikko',
  signedOutHeading: 'Olet kirjautunut ulos',
  signedOutText: 'Voit sulkea tämän ikkunan.',
  errorTitle: 'Virhe – DigiOne-hiekkalaatikko',
  errorHeading: 'Kirjautuminen ei voinut jatkua',
  errorText: 'Palaa palveluun ja aloita alusta.',
  expiredText: 'Kirjautuminen kesti liian kauan tai se oli jo valmis. Palaa palveluun ja kirjaudu uudelleen.',
};

const sv: PageTexts = {
  languageName: 'Svenska',
  languageNav: 'Språk',
  product: 'DigiOne-sandlåda',
  sandboxNotice: 'Det här är en testmiljö: identifieringstjänsten ersätter MPASSid och Suomi.fi och känner bara testanvändare.',
  signInHeading: 'Logga in',
  signInTitle: 'Logga in – DigiOne-sandlåda',
  username: 'Användarnamn',
  password: 'Lösenord',
  submit: 'Logga in',
  cancel: 'Avbryt och återgå till tjänsten',
  sourceNav: 'Logga in med',
  sourceMpassid: 'MPASSid – elever och skolans personal',
  sourceSuomifi: 'Suomi.fi – vårdnadshavare',
  sourceMpassidHeading: 'Logga in med MPASSid',
  sourceSuomifiHeading: 'Logga in med Suomi.fi-identifikation',
  wrongCredentials: 'Fel användarnamn eller lösenord. Kontrollera dem och försök igen.',
  missingCredentials: 'Ange både användarnamn och lösenord.',
  personasHeading: 'Testanvändare',
  passwordHint: 'Alla testanvändare har lösenordet ”sandbox”.',
  columnUser: 'Användarnamn',
  columnWho: 'Vem',
  columnSource: 'Identifieras med',
  signOutTitle: 'Utloggning – DigiOne-sandlåda',
  signOutHeading: 'Utloggning',
  signOutAsk: 'Vill du logga ut från DigiOne?',
  signOutAuto: 'Du loggas ut. Om inget händer, tryck på knappen.',
  signOutYes: 'Logga ut',
  signOutNo: 'Förbli inloggad',
  signedOutTitle: 'Utloggad – DigiOne-sandlåda',
  signedOutHeading: 'Du har loggat ut',
  signedOutText: 'Du kan stänga det här fönstret.',
  errorTitle: 'Fel – DigiOne-sandlåda',
  errorHeading: 'Inloggningen kunde inte fortsätta',
  errorText: 'Återgå till tjänsten och börja om.',
  expiredText: 'Inloggningen tog för lång tid eller var redan klar. Återgå till tjänsten och logga in igen.',
};

export const PAGE_TEXTS: Readonly<Record<PageLocale, PageTexts>> = { fi, sv, en };

function isPageLocale(value: string): value is PageLocale {
  return (PAGE_LOCALES as readonly string[]).includes(value);
}

/**
 * The page locale from candidates in order of preference (an explicit choice, then `ui_locales`, which is a
 * space-separated list of BCP 47 tags): the first supported primary language wins, Finnish otherwise.
 */
export function pickLocale(...candidates: readonly (string | undefined)[]): PageLocale {
  for (const candidate of candidates) {
    if (!candidate) continue;
    for (const tag of candidate.split(/[\s,]+/)) {
      const primary = tag.trim().toLowerCase().split(/[-_;]/)[0] ?? '';
      if (isPageLocale(primary)) return primary;
    }
  }
  return 'fi';
}
