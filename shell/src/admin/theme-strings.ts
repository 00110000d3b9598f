import type { Locale } from '@digione/sdk';

/**
 * The theme editor's strings (admin/theme-editor.ts) in English (the typed source), Finnish and Swedish, apart from
 * strings.ts so that the editor and its tests carry only their own. `{{name}}` placeholders: strings.ts `fill`.
 */
const en = {
  lead: 'Your municipality’s name, logo and colours on every DigiOne page. Every colour pair must meet WCAG 2.1 AA contrast (4.5:1 for text, 3:1 for other parts) in the light and in the dark scheme.',
  nameLegend: 'Name',
  name: { fi: 'Name in Finnish', sv: 'Name in Swedish', en: 'Name in English' },
  nameMissing: 'Enter the name in every language.',
  logo: 'Logo address',
  logoHint: 'Optional. An image at a secure address starting with https://.',
  logoInvalid: 'The logo address must start with https://.',
  schemes: { light: 'Colours of the light scheme', dark: 'Colours of the dark scheme' },
  fields: { primary: 'Primary colour', onPrimary: 'Text on the primary colour', accent: 'Accent colour', onAccent: 'Text on the accent colour' },
  colourHint: 'As #rrggbb, for example #0b5394.',
  colourInvalid: 'Enter the colour as #rrggbb, for example #0b5394.',
  swatch: 'Colour sample',
  pairs: {
    'on-primary on primary': 'Text on the primary colour',
    'on-primary on primary-hover': 'Text on the primary colour under the pointer',
    'on-accent on accent': 'Text on the accent colour',
    'primary on surface': 'Primary colour on cards',
    'primary on background': 'Primary colour on the page background',
    'accent on surface': 'Accent colour on cards',
  } as Record<string, string>,
  failure: '{{pair}}: {{foreground}} on {{background}} is {{ratio}}:1, needs {{minimum}}:1.',
  failing: 'Colour pairs miss the contrast requirement: {{count}}. Fix them to save.',
  preview: 'Preview',
  previewUnavailable: 'The preview shows once every colour is valid and every pair passes.',
  sample: { heading: 'Welcome to DigiOne', button: 'Primary action', link: 'A link', card: 'A card', cardBody: 'Services use the same colours.' },
  save: 'Save theme',
  saved: 'The theme is saved (version {{version}}). Users see it on their next page load.',
  saveFailed: 'The theme could not be saved. Check your connection and try again.',
  refused: 'The registry refused the theme:',
};

export type ThemeStrings = typeof en;

const fi: ThemeStrings = {
  lead: 'Kuntasi nimi, logo ja värit jokaisella DigiOne-sivulla. Jokaisen väriparin on täytettävä WCAG 2.1 AA -kontrastivaatimus (tekstillä 4,5:1, muilla osilla 3:1) sekä vaaleassa että tummassa teemassa.',
  nameLegend: 'Nimi',
  name: { fi: 'Nimi suomeksi', sv: 'Nimi ruotsiksi', en: 'Nimi englanniksi' },
  nameMissing: 'Kirjoita nimi jokaisella kielellä.',
  logo: 'Logon osoite',
  logoHint: 'Valinnainen. Kuva suojatussa osoitteessa, joka alkaa https://.',
  logoInvalid: 'Logon osoitteen on alettava https://.',
  schemes: { light: 'Vaalean teeman värit', dark: 'Tumman teeman värit' },
  fields: { primary: 'Pääväri', onPrimary: 'Teksti päävärin päällä', accent: 'Korostusväri', onAccent: 'Teksti korostusvärin päällä' },
  colourHint: 'Muodossa #rrggbb, esimerkiksi #0b5394.',
  colourInvalid: 'Kirjoita väri muodossa #rrggbb, esimerkiksi #0b5394.',
  swatch: 'Värinäyte',
  pairs: {
    'on-primary on primary': 'Teksti päävärin päällä',
    'on-primary on primary-hover': 'Teksti päävärin päällä osoittimen alla',
    'on-accent on accent': 'Teksti korostusvärin päällä',
    'primary on surface': 'Pääväri korteilla',
    'primary on background': 'Pääväri sivun taustalla',
    'accent on surface': 'Korostusväri korteilla',
  },
  failure: '{{pair}}: {{foreground}} taustalla {{background}} on {{ratio}}:1, vaaditaan {{minimum}}:1.',
  failing: 'Kontrastivaatimusta täyttämättömiä väripareja: {{count}}. Korjaa ne tallentaaksesi.',
  preview: 'Esikatselu',
  previewUnavailable: 'Esikatselu näkyy, kun jokainen väri on kelvollinen ja jokainen pari täyttää vaatimuksen.',
  sample: { heading: 'Tervetuloa DigiOneen', button: 'Päätoiminto', link: 'Linkki', card: 'Kortti', cardBody: 'Palvelut käyttävät samoja värejä.' },
  save: 'Tallenna teema',
  saved: 'Teema on tallennettu (versio {{version}}). Käyttäjät näkevät sen, kun sivu seuraavan kerran latautuu.',
  saveFailed: 'Teemaa ei voitu tallentaa. Tarkista yhteys ja yritä uudelleen.',
  refused: 'Rekisteri hylkäsi teeman:',
};

const sv: ThemeStrings = {
  lead: 'Kommunens namn, logotyp och färger på varje DigiOne-sida. Varje färgpar måste uppfylla kontrastkravet i WCAG 2.1 AA (4,5:1 för text, 3:1 för andra delar) i både det ljusa och det mörka temat.',
  nameLegend: 'Namn',
  name: { fi: 'Namn på finska', sv: 'Namn på svenska', en: 'Namn på engelska' },
  nameMissing: 'Skriv namnet på alla språk.',
  logo: 'Logotypens adress',
  logoHint: 'Valfri. En bild på en säker adress som börjar med https://.',
  logoInvalid: 'Logotypens adress måste börja med https://.',
  schemes: { light: 'Färger i det ljusa temat', dark: 'Färger i det mörka temat' },
  fields: { primary: 'Huvudfärg', onPrimary: 'Text på huvudfärgen', accent: 'Accentfärg', onAccent: 'Text på accentfärgen' },
  colourHint: 'Som #rrggbb, till exempel #0b5394.',
  colourInvalid: 'Skriv färgen som #rrggbb, till exempel #0b5394.',
  swatch: 'Färgprov',
  pairs: {
    'on-primary on primary': 'Text på huvudfärgen',
    'on-primary on primary-hover': 'Text på huvudfärgen under pekaren',
    'on-accent on accent': 'Text på accentfärgen',
    'primary on surface': 'Huvudfärgen på kort',
    'primary on background': 'Huvudfärgen på sidans bakgrund',
    'accent on surface': 'Accentfärgen på kort',
  },
  failure: '{{pair}}: {{foreground}} på {{background}} är {{ratio}}:1, kravet är {{minimum}}:1.',
  failing: 'Färgpar som inte uppfyller kontrastkravet: {{count}}. Rätta dem för att spara.',
  preview: 'Förhandsvisning',
  previewUnavailable: 'Förhandsvisningen visas när varje färg är giltig och varje par uppfyller kravet.',
  sample: { heading: 'Välkommen till DigiOne', button: 'Huvudåtgärd', link: 'En länk', card: 'Ett kort', cardBody: 'Tjänsterna använder samma färger.' },
  save: 'Spara temat',
  saved: 'Temat är sparat (version {{version}}). Användarna ser det nästa gång sidan laddas.',
  saveFailed: 'Temat kunde inte sparas. Kontrollera anslutningen och försök igen.',
  refused: 'Registret avvisade temat:',
};

export const THEME_STRINGS: Readonly<Record<Locale, ThemeStrings>> = { fi, sv, en };
