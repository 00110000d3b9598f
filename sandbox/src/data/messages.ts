import type { MessageThread } from '../../../sdk/src/api-types.ts';
import { LEARNER_OID } from './people.ts';

/** A message thread of the test data; its time is relative, so the inbox looks fresh on any day. */
interface ThreadSeed {
  id: string;
  /** `sub` of the person whose inbox holds the thread. */
  owner: string;
  /** For a guardian's threads: the child the thread is about. */
  about?: string;
  subject: string;
  from: string;
  preview: string;
  minutesAgo: number;
  unread: boolean;
}

const HOUR = 60;
const DAY = 24 * HOUR;

const SEEDS: readonly ThreadSeed[] = [
  // pupil: Veeti Testinen, 7A
  { id: 'msg-pupil-1', owner: 'sandbox-pupil', subject: 'Matematiikan koe tiistaina', from: 'Leena Esimerkki', preview: 'Hei 7A! Koe on ensi tiistaina, alueena luvut 1–3. Kertaa kirjan tehtävät ja tuo laskin mukaan.', minutesAgo: 95, unread: true },
  { id: 'msg-pupil-2', owner: 'sandbox-pupil', subject: 'Englannin essee', from: 'Heidi Demo', preview: 'Muistakaa palauttaa essee "My favourite place" perjantaihin mennessä. Pituus noin 150 sanaa.', minutesAgo: DAY + 3 * HOUR, unread: false },
  { id: 'msg-pupil-3', owner: 'sandbox-pupil', subject: 'Kirjaston lainat', from: 'Antti Mallinen', preview: 'Palauttakaa koulukirjaston kirjat ennen lomaa. Kirjasto on auki välitunneilla.', minutesAgo: 3 * DAY + 5 * HOUR, unread: false },

  // guardian: Sanna Testinen, about Veeti (7A) and Aino (3B)
  { id: 'msg-guardian-1', owner: 'sandbox-guardian', about: LEARNER_OID.veeti, subject: 'Veetin matematiikan koe', from: 'Leena Esimerkki', preview: 'Hei! Tiedoksi, että 7A:lla on matematiikan koe ensi tiistaina. Kokeeseen voi valmistautua kertaamalla luvut 1–3.', minutesAgo: 2 * HOUR, unread: true },
  { id: 'msg-guardian-2', owner: 'sandbox-guardian', about: LEARNER_OID.veeti, subject: 'Luokkaretken ilmoittautuminen', from: 'Petri Koelainen', preview: '7A tekee päiväretken Nuuksioon. Ilmoitathan perjantaihin mennessä, osallistuuko Veeti, ja onko hänellä ruoka-aineallergioita.', minutesAgo: 2 * DAY + 4 * HOUR, unread: false },
  { id: 'msg-guardian-3', owner: 'sandbox-guardian', about: LEARNER_OID.aino, subject: 'Retkipäivä Heurekaan', from: 'Riitta Luokkanen', preview: '3B lähtee torstaina Heurekaan. Mukaan eväät, juomapullo ja sisäkengät. Palaamme koululle klo 13.', minutesAgo: DAY + HOUR, unread: true },
  { id: 'msg-guardian-4', owner: 'sandbox-guardian', about: LEARNER_OID.aino, subject: 'Huoltajan yhteystiedot', from: 'Testimäen yhtenäiskoulu, kanslia', preview: 'Tarkistathan, että puhelinnumerosi ja sähköpostiosoitteesi ovat ajan tasalla.', minutesAgo: 5 * DAY, unread: false },
  { id: 'msg-guardian-5', owner: 'sandbox-guardian', subject: 'Tervetuloa DigiOneen', from: 'Vantaan kaupunki, kasvatus ja oppiminen', preview: 'DigiOne kokoaa koulun palvelut yhteen näkymään. Tämä on testiviesti hiekkalaatikkoympäristöstä.', minutesAgo: 7 * DAY, unread: false },

  // teacher: Leena Esimerkki
  { id: 'msg-teacher-1', owner: 'sandbox-teacher', subject: 'Opettajainkokous keskiviikkona', from: 'Tuula Malli', preview: 'Kokous alkaa keskiviikkona klo 14.15 opettajainhuoneessa. Aiheena arviointiviikko ja vanhempainillat.', minutesAgo: 3 * HOUR, unread: true },
  { id: 'msg-teacher-2', owner: 'sandbox-teacher', subject: 'Veetin poissaolo', from: 'Sanna Testinen', preview: 'Hei, Veeti on torstaina hammaslääkärissä klo 10–12 ja tulee kouluun sen jälkeen.', minutesAgo: DAY + 2 * HOUR, unread: true },
  { id: 'msg-teacher-3', owner: 'sandbox-teacher', subject: 'Fysiikan luokan varaus', from: 'Pia Testimaa', preview: 'Varasin luokan B115 perjantaiksi; voit käyttää sitä 9A:n kanssa toisella tunnilla.', minutesAgo: 4 * DAY, unread: false },

  // principal: Tuula Malli
  { id: 'msg-principal-1', owner: 'sandbox-principal', subject: 'Talousarvion aikataulu', from: 'Vantaan kaupunki, perusopetus', preview: 'Koulujen talousarvioehdotukset pyydetään toimittamaan kuun loppuun mennessä.', minutesAgo: 6 * HOUR, unread: true },
  { id: 'msg-principal-2', owner: 'sandbox-principal', subject: 'Matematiikan koeviikko', from: 'Leena Esimerkki', preview: 'Ehdotan, että 7.–9. luokkien matematiikan kokeet pidetään samalla viikolla.', minutesAgo: 2 * DAY, unread: false },

  // admin: Jari Kokeilija
  { id: 'msg-admin-1', owner: 'sandbox-admin', subject: 'Uusi widget odottaa hyväksyntää', from: 'DigiOne-tuki', preview: 'Lumo Viestintä Ab on julkaissut widgetistä uuden version. Tarkista ja hyväksy se Vantaan käyttöön.', minutesAgo: 4 * HOUR, unread: true },
  { id: 'msg-admin-2', owner: 'sandbox-admin', subject: 'Koulun etusivun asettelu', from: 'Tuula Malli', preview: 'Voisiko rehtorin näkymään lisätä tiedotteet ylimmäksi?', minutesAgo: 3 * DAY, unread: false },

  // teacher-guardian: Marja Kaksinen, as a teacher and about Elias (a Swedish-language school)
  { id: 'msg-tg-1', owner: 'sandbox-teacher-guardian', subject: 'Opettajainkokous keskiviikkona', from: 'Tuula Malli', preview: 'Kokous alkaa keskiviikkona klo 14.15 opettajainhuoneessa. Aiheena arviointiviikko ja vanhempainillat.', minutesAgo: 3 * HOUR, unread: false },
  { id: 'msg-tg-2', owner: 'sandbox-teacher-guardian', subject: 'Ruotsin kotitehtävä', from: 'Veeti Testinen', preview: 'Hei, en löydä kirjasta sivua 42 tehtävää 5. Onko se työkirjassa?', minutesAgo: 20 * HOUR, unread: true },
  { id: 'msg-tg-3', owner: 'sandbox-teacher-guardian', about: LEARNER_OID.elias, subject: 'Utflykt till Vanda å', from: 'Britt Testström', preview: 'Hej! Klass 5A gör en utflykt på fredag. Ta med matsäck, vattenflaska och kläder efter väder.', minutesAgo: 5 * HOUR, unread: true },
  { id: 'msg-tg-4', owner: 'sandbox-teacher-guardian', about: LEARNER_OID.elias, subject: 'Skolfotografering', from: 'Testbackens svenska skola, kansliet', preview: 'Skolfotograferingen ordnas nästa vecka. Beställningsanvisningar skickas hem med eleverna.', minutesAgo: 3 * DAY + 2 * HOUR, unread: false },

  // espoo-teacher: Eeva Kokeilu
  { id: 'msg-espoo-1', owner: 'sandbox-espoo-teacher', subject: '7C:n äidinkielen koe', from: 'Tommi Testaaja', preview: 'Siirrän 7C:n kokeen torstaille, jotta se ei osu päällekkäin matematiikan kanssa.', minutesAgo: 2 * HOUR, unread: true },
  { id: 'msg-espoo-2', owner: 'sandbox-espoo-teacher', subject: 'Koulutuspäivä', from: 'Espoon kaupunki, suomenkielinen opetus', preview: 'Digitaalisten oppimisympäristöjen koulutuspäivä järjestetään ensi kuussa. Ilmoittautuminen on auki.', minutesAgo: 6 * DAY, unread: false },

  // substitute: Ville Sijainen, covering 9B at Testimäki and 8A at Testbacken (gen-identity.ts), in each school's language
  { id: 'msg-sub-1', owner: 'sandbox-substitute', subject: 'Sijaisuus 9B:llä', from: 'Tuula Malli', preview: 'Tervetuloa Testimäkeen! 9B:n matematiikka, fysiikka ja kemia ovat sinulla lukukauden loppuun. Tuntisuunnitelmat ovat opettajainhuoneen kansiossa.', minutesAgo: 4 * HOUR, unread: true },
  { id: 'msg-sub-2', owner: 'sandbox-substitute', subject: 'Vikariat i 8A', from: 'Testbackens svenska skola, kansliet', preview: 'Välkommen! Du undervisar 8A i matematik, fysik och kemi. Nyckeln till laboratoriet får du från kansliet.', minutesAgo: DAY + 3 * HOUR, unread: true },
  { id: 'msg-sub-3', owner: 'sandbox-substitute', subject: 'Pidettyjen tuntien kirjaaminen', from: 'Vantaan kaupunki, sijaispalvelu', preview: 'Kirjaathan pitämäsi tunnit kuukauden loppuun mennessä, jotta palkka maksetaan ajallaan.', minutesAgo: 6 * DAY, unread: false },

  // elev: Elias Kaksinen, 5A at Testbacken (the Swedish-language school)
  { id: 'msg-elev-1', owner: 'sandbox-elev', subject: 'Utflykt på fredag', from: 'Britt Testström', preview: 'Hej 5A! På fredag går vi till Vanda å. Ta med matsäck, vattenflaska och kläder efter väder.', minutesAgo: 5 * HOUR, unread: true },
  { id: 'msg-elev-2', owner: 'sandbox-elev', subject: 'Finska läxor', from: 'Johan Provkvist', preview: 'Läs texten på sidan 24 och lär dig de nya orden till torsdag.', minutesAgo: 2 * DAY + HOUR, unread: false },

  // guardian-two-cities: Mikko Kaupunki, about Oona (3B, Vantaa) and Ella (7C, Espoo)
  { id: 'msg-gtc-1', owner: 'sandbox-guardian-two-cities', about: LEARNER_OID.oona, subject: 'Retkipäivä Heurekaan', from: 'Riitta Luokkanen', preview: '3B lähtee torstaina Heurekaan. Mukaan eväät, juomapullo ja sisäkengät. Palaamme koululle klo 13.', minutesAgo: DAY + HOUR, unread: true },
  { id: 'msg-gtc-2', owner: 'sandbox-guardian-two-cities', about: LEARNER_OID.oona, subject: 'Oonan vanhempainvartti', from: 'Riitta Luokkanen', preview: 'Vanhempainvartit pidetään ensi viikolla. Valitse Oonalle sopiva aika perjantaihin mennessä.', minutesAgo: 3 * DAY, unread: false },
  { id: 'msg-gtc-3', owner: 'sandbox-guardian-two-cities', about: LEARNER_OID.ella, subject: '7C:n äidinkielen koe torstaina', from: 'Tommi Testaaja', preview: 'Tiedoksi, että 7C:n äidinkielen koe siirtyy torstaille. Ella voi valmistautua kertaamalla luvut 1–2.', minutesAgo: 3 * HOUR, unread: true },
  { id: 'msg-gtc-4', owner: 'sandbox-guardian-two-cities', about: LEARNER_OID.ella, subject: 'Vanhempainilta 7. luokille', from: 'Kokeilulaakson koulu, kanslia', preview: 'Seitsemänsien luokkien vanhempainilta pidetään koulun auditoriossa tiistaina klo 18.', minutesAgo: 2 * DAY + 5 * HOUR, unread: false },
];

/**
 * The message threads in a person's inbox, newest first. Without `about`, the person's own threads; with it, the
 * threads about that child (for a guardian acting for the child).
 */
export function threadsFor(owner: string, about: string | undefined, now: Date): MessageThread[] {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return SEEDS.filter((s) => s.owner === owner && s.about === about)
    .sort((a, b) => a.minutesAgo - b.minutesAgo)
    .map((s) => ({
      id: s.id,
      subject: s.subject,
      from: s.from,
      lastMessageAt: new Date(minute - s.minutesAgo * 60_000).toISOString(),
      unread: s.unread,
      preview: s.preview,
    }));
}
