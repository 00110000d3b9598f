/**
 * Every string the shell shows, in English (the typed source), Finnish and Swedish. The type of `en` is the
 * contract: Finnish and Swedish must have exactly the same keys.
 */
const en = {
  appName: 'DigiOne',
  skipToContent: 'Skip to content',
  language: 'Language',
  loading: 'Loading…',
  landing: {
    title: 'Welcome to DigiOne',
    lead: 'Your school day in one place: schedule, messages and announcements with one sign-in.',
    signIn: 'Sign in',
    signedOut: 'You have signed out.',
    sessionEnded: 'Your sign-in has ended. Sign in again to continue.',
    signingIn: 'Signing in…',
  },
  header: {
    signOut: 'Sign out',
    role: 'Role',
    child: 'Child',
    signedInAs: 'Signed in as {{name}}',
    mainNav: 'Main',
  },
  roles: {
    pupil: 'Pupil',
    guardian: 'Guardian',
    teacher: 'Teacher',
    principal: 'Principal',
    admin: 'Administrator',
  },
  dashboard: {
    heading: '{{role}} – {{tenant}}',
    empty: 'No services have been added to this dashboard yet.',
    noRoles: 'Your account has no role in DigiOne. Contact your school.',
    roleRevoked: 'Your role “{{role}}” is no longer available. The dashboard now shows another of your roles.',
    childRevoked: 'You can no longer act for the child you had chosen. The dashboard now shows what you still have access to.',
    roleRevokedNone: 'Your role “{{role}}” is no longer available.',
  },
  widget: {
    loading: 'Loading {{title}}…',
    error: '{{title}} could not be shown.',
    retry: 'Try again',
    reasons: {
      'entry-failed': 'The service did not answer. The rest of the page works normally.',
      'module-invalid': 'The service sent something that is not a widget.',
      'mount-failed': 'The service stopped with an error.',
      timeout: 'The service took too long to start.',
      'sdk-mismatch': 'The service needs a newer version of DigiOne.',
      'kind-unsupported': 'This kind of service cannot be shown yet.',
    },
  },
  notifications: {
    region: 'Notifications',
    dismiss: 'Dismiss notification',
    kinds: { info: 'Information', success: 'Done', warning: 'Warning', error: 'Error' },
  },
  session: {
    renewalTrouble: 'The sign-in service cannot be reached. You can keep working; we keep trying to reconnect.',
    endingSoon: 'Your sign-in ends at {{time}} and cannot be extended further. Save your work, then choose “Stay signed in” to sign in again.',
    staySignedIn: 'Stay signed in',
    later: 'Later',
  },
  errors: {
    title: 'Something went wrong',
    signInFailed: 'Signing in did not succeed. Please try again.',
    signInCancelled: 'Signing in was cancelled. You can sign in again whenever you are ready.',
    signInAgain: 'Sign in again',
    providerDown: 'The sign-in service cannot be reached right now. Try again in a moment.',
    registryDown: 'Your dashboard could not be loaded right now. Try again in a moment.',
    forbidden: 'You do not have access to this dashboard.',
    tryAgain: 'Try again',
  },
} as const;

type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ShellStrings = Widen<typeof en>;

const fi: ShellStrings = {
  appName: 'DigiOne',
  skipToContent: 'Siirry sisältöön',
  language: 'Kieli',
  loading: 'Ladataan…',
  landing: {
    title: 'Tervetuloa DigiOneen',
    lead: 'Koulupäiväsi yhdessä paikassa: lukujärjestys, viestit ja tiedotteet yhdellä kirjautumisella.',
    signIn: 'Kirjaudu sisään',
    signedOut: 'Olet kirjautunut ulos.',
    sessionEnded: 'Kirjautumisesi on päättynyt. Kirjaudu uudelleen jatkaaksesi.',
    signingIn: 'Kirjaudutaan…',
  },
  header: {
    signOut: 'Kirjaudu ulos',
    role: 'Rooli',
    child: 'Lapsi',
    signedInAs: 'Kirjautuneena: {{name}}',
    mainNav: 'Päävalikko',
  },
  roles: {
    pupil: 'Oppilas',
    guardian: 'Huoltaja',
    teacher: 'Opettaja',
    principal: 'Rehtori',
    admin: 'Pääkäyttäjä',
  },
  dashboard: {
    heading: '{{role}} – {{tenant}}',
    empty: 'Tälle työpöydälle ei ole vielä lisätty palveluja.',
    noRoles: 'Tunnuksellasi ei ole roolia DigiOnessa. Ota yhteyttä kouluusi.',
    roleRevoked: 'Roolisi ”{{role}}” ei ole enää käytössä. Työpöytä näyttää nyt toisen roolisi.',
    childRevoked: 'Et voi enää asioida valitsemasi lapsen puolesta. Työpöytä näyttää nyt sen, mihin sinulla on yhä pääsy.',
    roleRevokedNone: 'Roolisi ”{{role}}” ei ole enää käytössä.',
  },
  widget: {
    loading: 'Ladataan: {{title}}…',
    error: 'Palvelua {{title}} ei voitu näyttää.',
    retry: 'Yritä uudelleen',
    reasons: {
      'entry-failed': 'Palvelu ei vastannut. Sivun muut osat toimivat normaalisti.',
      'module-invalid': 'Palvelu lähetti jotain, mikä ei ole pienoissovellus.',
      'mount-failed': 'Palvelu pysähtyi virheeseen.',
      timeout: 'Palvelun käynnistyminen kesti liian kauan.',
      'sdk-mismatch': 'Palvelu tarvitsee DigiOnen uudemman version.',
      'kind-unsupported': 'Tämän tyyppistä palvelua ei voi vielä näyttää.',
    },
  },
  notifications: {
    region: 'Ilmoitukset',
    dismiss: 'Sulje ilmoitus',
    kinds: { info: 'Tiedoksi', success: 'Valmis', warning: 'Varoitus', error: 'Virhe' },
  },
  session: {
    renewalTrouble: 'Kirjautumispalveluun ei saada yhteyttä. Voit jatkaa työskentelyä; yritämme yhdistää uudelleen.',
    endingSoon: 'Kirjautumisesi päättyy klo {{time}}, eikä sitä voi enää jatkaa. Tallenna työsi ja valitse sitten ”Pysy kirjautuneena” kirjautuaksesi uudelleen.',
    staySignedIn: 'Pysy kirjautuneena',
    later: 'Myöhemmin',
  },
  errors: {
    title: 'Jokin meni vikaan',
    signInFailed: 'Kirjautuminen ei onnistunut. Yritä uudelleen.',
    signInCancelled: 'Kirjautuminen peruttiin. Voit kirjautua uudelleen, kun olet valmis.',
    signInAgain: 'Kirjaudu uudelleen',
    providerDown: 'Kirjautumispalveluun ei juuri nyt saada yhteyttä. Yritä hetken kuluttua uudelleen.',
    registryDown: 'Työpöytääsi ei juuri nyt voitu ladata. Yritä hetken kuluttua uudelleen.',
    forbidden: 'Sinulla ei ole pääsyä tälle työpöydälle.',
    tryAgain: 'Yritä uudelleen',
  },
};

const sv: ShellStrings = {
  appName: 'DigiOne',
  skipToContent: 'Hoppa till innehållet',
  language: 'Språk',
  loading: 'Laddar…',
  landing: {
    title: 'Välkommen till DigiOne',
    lead: 'Din skoldag på ett ställe: schema, meddelanden och aviseringar med en inloggning.',
    signIn: 'Logga in',
    signedOut: 'Du har loggat ut.',
    sessionEnded: 'Din inloggning har upphört. Logga in igen för att fortsätta.',
    signingIn: 'Loggar in…',
  },
  header: {
    signOut: 'Logga ut',
    role: 'Roll',
    child: 'Barn',
    signedInAs: 'Inloggad som {{name}}',
    mainNav: 'Huvudmeny',
  },
  roles: {
    pupil: 'Elev',
    guardian: 'Vårdnadshavare',
    teacher: 'Lärare',
    principal: 'Rektor',
    admin: 'Huvudanvändare',
  },
  dashboard: {
    heading: '{{role}} – {{tenant}}',
    empty: 'Inga tjänster har ännu lagts till på det här skrivbordet.',
    noRoles: 'Ditt konto har ingen roll i DigiOne. Kontakta din skola.',
    roleRevoked: 'Din roll ”{{role}}” är inte längre tillgänglig. Översikten visar nu en annan av dina roller.',
    childRevoked: 'Du kan inte längre företräda barnet du hade valt. Översikten visar nu det du fortfarande har tillgång till.',
    roleRevokedNone: 'Din roll ”{{role}}” är inte längre tillgänglig.',
  },
  widget: {
    loading: 'Laddar {{title}}…',
    error: '{{title}} kunde inte visas.',
    retry: 'Försök igen',
    reasons: {
      'entry-failed': 'Tjänsten svarade inte. Resten av sidan fungerar som vanligt.',
      'module-invalid': 'Tjänsten skickade något som inte är en widget.',
      'mount-failed': 'Tjänsten stannade på grund av ett fel.',
      timeout: 'Det tog för länge för tjänsten att starta.',
      'sdk-mismatch': 'Tjänsten behöver en nyare version av DigiOne.',
      'kind-unsupported': 'Den här typen av tjänst kan inte visas ännu.',
    },
  },
  notifications: {
    region: 'Aviseringar',
    dismiss: 'Stäng aviseringen',
    kinds: { info: 'Upplysning', success: 'Klart', warning: 'Varning', error: 'Fel' },
  },
  session: {
    renewalTrouble: 'Inloggningstjänsten kan inte nås. Du kan fortsätta arbeta; vi försöker återansluta.',
    endingSoon: 'Din inloggning upphör kl. {{time}} och kan inte förlängas mer. Spara ditt arbete och välj sedan ”Förbli inloggad” för att logga in igen.',
    staySignedIn: 'Förbli inloggad',
    later: 'Senare',
  },
  errors: {
    title: 'Något gick fel',
    signInFailed: 'Inloggningen lyckades inte. Försök igen.',
    signInCancelled: 'Inloggningen avbröts. Du kan logga in igen när du är redo.',
    signInAgain: 'Logga in igen',
    providerDown: 'Inloggningstjänsten kan inte nås just nu. Försök igen om en stund.',
    registryDown: 'Ditt skrivbord kunde inte laddas just nu. Försök igen om en stund.',
    forbidden: 'Du har inte tillgång till det här skrivbordet.',
    tryAgain: 'Försök igen',
  },
};

export const resources = { en, fi, sv } as const;
export const LANGUAGE_NAMES = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as const;
