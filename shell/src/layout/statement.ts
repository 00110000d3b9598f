import { html, type TemplateResult } from 'lit';
import type { Locale } from '@digione/sdk';

/**
 * The accessibility statement (saavutettavuusseloste) that the Act on the Provision of Digital Services (306/2019)
 * requires, in the order of the Finnish model statement: whom it covers, compliance status, content that is not
 * accessible and why, how to give feedback, the enforcement authority, and when it was prepared. Its text is read
 * rarely, so it lives in this module, which the shell imports only on the statement's own page (/accessibility):
 * none of it weighs on the dashboard's first load (tests/size/shell-js.ts LAZY).
 */

/** When the statement was prepared and last reviewed (shown through Intl in the reader's language). */
const PREPARED = new Date(Date.UTC(2026, 10, 28));

/** Empty outside vite (the browser unit tests import this module unbuilt): the default applies. */
const env: Partial<Record<string, string>> = import.meta.env ?? {};

/**
 * Where accessibility feedback goes: the municipality running DigiOne answers it, so a deployment sets its own address
 * at build time with `VITE_DIGIONE_FEEDBACK_EMAIL` (docs/platform.md); the default is the sandbox's mailbox.
 */
export const FEEDBACK_EMAIL = env['VITE_DIGIONE_FEEDBACK_EMAIL'] || 'saavutettavuus@sandbox.digione.fi';

/** The enforcement authority's contact details, as the model statement gives them. */
const AUTHORITY = { email: 'saavutettavuus@avi.fi', phone: '0295 016 000' };

interface StatementText {
  title: string;
  intro: string;
  statusHeading: string;
  status: string;
  statusDetail: string;
  gapsHeading: string;
  gapsLead: string;
  gaps: Array<{ what: string; why: string }>;
  howHeading: string;
  how: string;
  feedbackHeading: string;
  feedback: string;
  feedbackEmail: string;
  enforcementHeading: string;
  enforcement: string;
  authorityName: string;
  authorityUnit: string;
  authoritySite: { href: string; text: string };
  authorityEmail: string;
  authorityPhone: string;
  datesHeading: string;
  prepared: string;
  back: string;
}

/**
 * The statement's text per language. It stays out of locale/resources.ts because that table is part of the first
 * paint and this text weighs about 3 kB gzipped; the shell's completeness test (locale/locale.test.ts) checks it
 * like the shell's own strings.
 */
export const STATEMENT_TEXT: Record<Locale, StatementText> = {
  fi: {
    title: 'DigiOnen saavutettavuusseloste',
    intro:
      'Tämä saavutettavuusseloste koskee DigiOne-koulupalvelua (etusivu, kirjautuminen ja kaikkien roolien työpöydät: ' +
      'oppilas, huoltaja, opettaja, rehtori ja pääkäyttäjä). Palvelua koskee laki digitaalisten palvelujen ' +
      'tarjoamisesta (306/2019), jonka mukaan julkisten verkkopalvelujen on oltava saavutettavia.',
    statusHeading: 'Digitaalisen palvelun saavutettavuuden tila',
    status: 'Täyttää osittain saavutettavuusvaatimukset.',
    statusDetail:
      'Palvelu on tehty täyttämään WCAG 2.1 -ohjeiden A- ja AA-tason vaatimukset. Poikkeamat on lueteltu alla.',
    gapsHeading: 'Ei-saavutettava sisältö',
    gapsLead: 'Alla luetellut sisällöt eivät vielä täytä kaikkia vaatimuksia.',
    gaps: [
      {
        what: 'Palveluntarjoajien omat sivut, jotka avautuvat työpöydän linkkikorteista tai erillisistä kehyksistä.',
        why:
          'Sisältö ei ole DigiOnen tuottamaa eikä sen hallinnassa. Tarkistamme kehysten ja korttien sisällön ' +
          'automaattisesti, mutta kunkin palvelun oma saavutettavuusseloste kertoo sen tilanteen.',
      },
      {
        what: 'Palvelua ei ole vielä arvioitu ruudunlukijoilla käyttäjätestein.',
        why:
          'Arvio perustuu automaattisiin testeihin ja näppäimistökäytön tarkistuksiin. Asiantuntija-arvio on ' +
          'tekeillä; päivitämme selosteen sen valmistuttua.',
      },
    ],
    howHeading: 'Miten saavutettavuus on arvioitu',
    how:
      'Omana arviona: jokaisen roolin työpöytä tarkistetaan suomeksi, ruotsiksi ja englanniksi axe-työkalulla ' +
      'puhelimen ja tietokoneen leveyksillä, näppäimistöllä käyttäen, 200 %:n suurennuksella ja väljennetyllä tekstillä.',
    feedbackHeading: 'Anna palautetta saavutettavuudesta',
    feedback:
      'Huomasitko saavutettavuuspuutteen? Kerro siitä meille, niin teemme parhaamme puutteen korjaamiseksi. ' +
      'Vastaamme 14 päivän kuluessa.',
    feedbackEmail: 'Sähköposti',
    enforcementHeading: 'Valvontaviranomainen',
    enforcement:
      'Jos huomaat sivustolla saavutettavuusongelmia, anna ensin palautetta meille. Jos et ole tyytyväinen ' +
      'saamaasi vastaukseen tai et saa vastausta kahden viikon aikana, voit tehdä ilmoituksen valvontaviranomaiselle.',
    authorityName: 'Etelä-Suomen aluehallintovirasto',
    authorityUnit: 'Saavutettavuuden valvonnan yksikkö',
    authoritySite: { href: 'https://www.saavutettavuusvaatimukset.fi', text: 'www.saavutettavuusvaatimukset.fi' },
    authorityEmail: 'Sähköposti',
    authorityPhone: 'Puhelinnumero (vaihde)',
    datesHeading: 'Selosteen tiedot',
    prepared: 'Seloste on laadittu {{date}}.',
    back: 'Takaisin DigiOnen etusivulle',
  },
  sv: {
    title: 'Tillgänglighetsutlåtande för DigiOne',
    intro:
      'Detta tillgänglighetsutlåtande gäller skoltjänsten DigiOne (startsidan, inloggningen och skrivborden för alla ' +
      'roller: elev, vårdnadshavare, lärare, rektor och huvudanvändare). Tjänsten omfattas av lagen om tillhandahållande ' +
      'av digitala tjänster (306/2019), som kräver att offentliga webbtjänster är tillgängliga.',
    statusHeading: 'Den digitala tjänstens tillgänglighet',
    status: 'Uppfyller tillgänglighetskraven delvis.',
    statusDetail: 'Tjänsten är byggd för att uppfylla nivå A och AA i WCAG 2.1. Avvikelserna anges nedan.',
    gapsHeading: 'Innehåll som inte är tillgängligt',
    gapsLead: 'Innehållet nedan uppfyller ännu inte alla krav.',
    gaps: [
      {
        what: 'Tjänsteleverantörernas egna sidor som öppnas från skrivbordets länkkort eller i separata ramar.',
        why:
          'Innehållet produceras inte av DigiOne och vi styr inte över det. Vi kontrollerar ramarnas och kortens ' +
          'innehåll automatiskt, men varje tjänsts eget tillgänglighetsutlåtande beskriver dess läge.',
      },
      {
        what: 'Tjänsten har ännu inte utvärderats i användartester med skärmläsare.',
        why:
          'Bedömningen bygger på automatiska tester och kontroller av tangentbordsanvändning. En expertbedömning ' +
          'pågår; vi uppdaterar utlåtandet när den är klar.',
      },
    ],
    howHeading: 'Hur tillgängligheten har bedömts',
    how:
      'Som egen bedömning: varje rolls skrivbord kontrolleras på finska, svenska och engelska med verktyget axe i ' +
      'telefonens och datorns bredd, med tangentbord, med 200 % förstoring och med glesare text.',
    feedbackHeading: 'Ge respons om tillgängligheten',
    feedback:
      'Har du upptäckt en brist i tillgängligheten? Berätta det för oss så gör vi vårt bästa för att rätta till den. ' +
      'Vi svarar inom 14 dagar.',
    feedbackEmail: 'E-post',
    enforcementHeading: 'Tillsynsmyndighet',
    enforcement:
      'Om du upptäcker tillgänglighetsproblem på webbplatsen, ge först respons till oss. Om du inte är nöjd med svaret ' +
      'eller inte får något svar inom två veckor kan du göra en anmälan till tillsynsmyndigheten.',
    authorityName: 'Regionförvaltningsverket i Södra Finland',
    authorityUnit: 'Enheten för tillgänglighetstillsyn',
    authoritySite: { href: 'https://www.tillganglighetskrav.fi', text: 'www.tillganglighetskrav.fi' },
    authorityEmail: 'E-post',
    authorityPhone: 'Telefonnummer (växel)',
    datesHeading: 'Om utlåtandet',
    prepared: 'Utlåtandet har utarbetats {{date}}.',
    back: 'Tillbaka till DigiOnes startsida',
  },
  en: {
    title: 'DigiOne accessibility statement',
    intro:
      'This accessibility statement applies to the DigiOne school service (the front page, signing in, and the ' +
      'dashboards of every role: pupil, guardian, teacher, principal and administrator). The service is covered by the ' +
      'Act on the Provision of Digital Services (306/2019), which requires public online services to be accessible.',
    statusHeading: 'Compliance status',
    status: 'Partially compliant with the accessibility requirements.',
    statusDetail: 'The service is built to meet levels A and AA of WCAG 2.1. The exceptions are listed below.',
    gapsHeading: 'Non-accessible content',
    gapsLead: 'The content listed below does not yet meet every requirement.',
    gaps: [
      {
        what: 'Service providers’ own pages, opened from the dashboard’s link cards or shown in separate frames.',
        why:
          'That content is not produced or controlled by DigiOne. We check the frames and cards automatically, ' +
          'but each service’s own accessibility statement describes its situation.',
      },
      {
        what: 'The service has not yet been evaluated in user tests with screen readers.',
        why:
          'The assessment is based on automated tests and checks of keyboard use. An expert evaluation is under ' +
          'way; we will update this statement when it is done.',
      },
    ],
    howHeading: 'How accessibility was assessed',
    how:
      'As a self-assessment: every role’s dashboard is checked in Finnish, Swedish and English with the axe tool at ' +
      'phone and desktop widths, with the keyboard only, at 200 % zoom and with increased text spacing.',
    feedbackHeading: 'Feedback on accessibility',
    feedback:
      'Did you notice an accessibility problem? Tell us and we will do our best to fix it. We answer within 14 days.',
    feedbackEmail: 'Email',
    enforcementHeading: 'Enforcement authority',
    enforcement:
      'If you notice accessibility problems on the site, first give feedback to us. If you are not satisfied with ' +
      'our answer, or get none within two weeks, you can report it to the enforcement authority.',
    authorityName: 'Regional State Administrative Agency for Southern Finland',
    authorityUnit: 'Accessibility Monitoring Unit',
    authoritySite: { href: 'https://www.webaccessibility.fi', text: 'www.webaccessibility.fi' },
    authorityEmail: 'Email',
    authorityPhone: 'Telephone (switchboard)',
    datesHeading: 'About this statement',
    prepared: 'This statement was prepared on {{date}}.',
    back: 'Back to the DigiOne front page',
  },
};

/** The statement in `locale`, for the shell's `<main>`. */
export function renderStatement(locale: Locale): TemplateResult {
  const text = STATEMENT_TEXT[locale];
  const date = PREPARED.toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return html`<article class="statement" data-page="accessibility-statement">
    <h1>${text.title}</h1>
    <p>${text.intro}</p>
    <h2>${text.statusHeading}</h2>
    <p><strong>${text.status}</strong> ${text.statusDetail}</p>
    <h2>${text.gapsHeading}</h2>
    <p>${text.gapsLead}</p>
    <ul>
      ${text.gaps.map((gap) => html`<li><p>${gap.what}</p><p>${gap.why}</p></li>`)}
    </ul>
    <h2>${text.howHeading}</h2>
    <p>${text.how}</p>
    <h2>${text.feedbackHeading}</h2>
    <p>${text.feedback}</p>
    <p>${text.feedbackEmail}: <d1-link href=${`mailto:${FEEDBACK_EMAIL}`} data-link="feedback">${FEEDBACK_EMAIL}</d1-link></p>
    <h2>${text.enforcementHeading}</h2>
    <p>${text.enforcement}</p>
    <address>
      ${text.authorityName}<br />
      ${text.authorityUnit}<br />
      <d1-link href=${text.authoritySite.href}>${text.authoritySite.text}</d1-link><br />
      ${text.authorityEmail}: <d1-link href=${`mailto:${AUTHORITY.email}`}>${AUTHORITY.email}</d1-link><br />
      ${text.authorityPhone}: ${AUTHORITY.phone}
    </address>
    <h2>${text.datesHeading}</h2>
    <p>${text.prepared.replace('{{date}}', date)}</p>
    <p><d1-link href="/">${text.back}</d1-link></p>
  </article>`;
}
