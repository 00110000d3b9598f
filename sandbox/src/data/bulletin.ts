import type { BulletinItem } from '../../../sdk/src/api-types.ts';
import { SCHOOL_OID, schoolByOid } from './schools.ts';

/** A school announcement of the test data, written in the school's language; its time is relative. */
interface BulletinSeed {
  id: string;
  schoolOid: string;
  title: string;
  body: string;
  hoursAgo: number;
}

const SEEDS: readonly BulletinSeed[] = [
  { id: 'bulletin-99001-1', schoolOid: SCHOOL_OID.testimaki, title: 'Koulukuvaus ensi viikolla', body: 'Luokkakuvat otetaan ensi viikon tiistaina ja keskiviikkona. Kuvausaikataulu on luokkien ilmoitustauluilla.', hoursAgo: 5 },
  { id: 'bulletin-99001-2', schoolOid: SCHOOL_OID.testimaki, title: 'Liikuntapäivä perjantaina', body: 'Perjantaina vietetään koko koulun liikuntapäivää. Pukeudu sään mukaan ja ota mukaan juomapullo.', hoursAgo: 30 },
  { id: 'bulletin-99001-3', schoolOid: SCHOOL_OID.testimaki, title: 'Ruokalistan muutos', body: 'Torstain kalakeitto vaihtuu kasvissosekeittoon. Erityisruokavaliot huomioidaan kuten ennenkin.', hoursAgo: 75 },
  { id: 'bulletin-99002-1', schoolOid: SCHOOL_OID.testbacken, title: 'Föräldramöte för årskurs 5', body: 'Välkommen på föräldramöte i skolans matsal på onsdag kl. 18. Vi går igenom lägerskolan och vårens utflykter.', hoursAgo: 8 },
  { id: 'bulletin-99002-2', schoolOid: SCHOOL_OID.testbacken, title: 'Biblioteket stängt på onsdag', body: 'Skolbiblioteket håller stängt på onsdag på grund av inventering. Lån kan förnyas på torsdag.', hoursAgo: 50 },
  { id: 'bulletin-99101-1', schoolOid: SCHOOL_OID.kokeilulaakso, title: 'Vanhempainilta 7. luokille', body: 'Seitsemänsien luokkien vanhempainilta pidetään koulun auditoriossa tiistaina klo 18. Tervetuloa!', hoursAgo: 12 },
  { id: 'bulletin-99102-1', schoolOid: SCHOOL_OID.esimerkkirinne, title: 'Syysjuhla torstaina', body: 'Koko koulun syysjuhla pidetään torstaina klo 17 liikuntasalissa. Oppilaat esiintyvät, huoltajat ovat tervetulleita.', hoursAgo: 20 },
  { id: 'bulletin-99101-2', schoolOid: SCHOOL_OID.kokeilulaakso, title: 'Uudet kerhot alkavat', body: 'Koodauskerho ja bändikerho alkavat ensi viikolla. Ilmoittautumiset kerhon ohjaajalle.', hoursAgo: 96 },
];

/** The announcements of the given schools, newest first. */
export function bulletinFor(schoolOids: readonly string[], now: Date): BulletinItem[] {
  const minute = Math.floor(now.getTime() / 60_000) * 60_000;
  return SEEDS.filter((s) => schoolOids.includes(s.schoolOid))
    .sort((a, b) => a.hoursAgo - b.hoursAgo)
    .map((s) => {
      const school = schoolByOid(s.schoolOid);
      return {
        id: s.id,
        school: school.name,
        title: s.title,
        body: s.body,
        lang: school.lang,
        publishedAt: new Date(minute - s.hoursAgo * 3_600_000).toISOString(),
      };
    });
}
