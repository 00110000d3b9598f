/**
 * Generates communication and learning activity: message threads between staff, guardians and pupils (in the
 * school's language), digital learning materials, and xAPI statements of pupils using them.
 */
import { addDays, helsinkiDateTime, isSchoolDay, parseIsoDate } from './calendar.ts';
import type { Course, Group, GuardianRelation, Learner, LearningMaterial, Message, MessageThread, School, SchoolLang, XapiStatement } from './model.ts';
import type { Random } from './random.ts';
import type { SubjectKey } from './subjects.ts';

/** The `homePage` of learner accounts in xAPI statements; the account `name` is the learner OID. */
export const XAPI_LEARNER_HOMEPAGE = 'https://digione.sandbox/learners';
/** The base IRI of the sandbox's learning materials. */
export const MATERIALS_BASE = 'https://materials.sandbox.digione.fi';

export const XAPI_VERB = {
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
} as const;

const ACTIVITY_TYPE = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  media: 'http://adlnet.gov/expapi/activities/media',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
} as const;

export interface ActivityInput {
  random: Random;
  asOf: string;
  from: string;
  schools: ReadonlyMap<string, School>;
  groups: readonly Group[];
  courses: readonly Course[];
  learners: readonly Learner[];
  learnersByGroup: ReadonlyMap<string, readonly string[]>;
  guardiansOfLearner: ReadonlyMap<string, readonly GuardianRelation[]>;
  givenName: (oid: string) => string;
  staffPersonOid: (staffId: string) => string;
}

function days(from: string, to: string): Date[] {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new Error('sandbox.data: bad activity range');
  const out: Date[] = [];
  for (let d = a; d <= b; d = addDays(d, 1)) if (isSchoolDay(d)) out.push(d);
  return out;
}

type Texts = Record<SchoolLang, string>;

interface Topic {
  subject: Texts;
  first: Texts;
  reply: Texts;
  answer?: Texts;
}

const GUARDIAN_TOPICS: readonly Topic[] = [
  {
    subject: { fi: 'Poissaolot', sv: 'Frånvaro' },
    first: { fi: 'Hei! {child} on ollut poissa useita kertoja tällä jaksolla. Voisimmeko sopia lyhyen puhelun?', sv: 'Hej! {child} har varit frånvarande flera gånger under perioden. Kunde vi komma överens om ett kort samtal?' },
    reply: { fi: 'Kiitos viestistä, sopii hyvin. Soitan huomenna iltapäivällä.', sv: 'Tack för meddelandet, det passar bra. Jag ringer i morgon eftermiddag.' },
    answer: { fi: 'Hyvä, kuulemiin!', sv: 'Bra, hörs!' },
  },
  {
    subject: { fi: 'Kotitehtävät', sv: 'Hemuppgifter' },
    first: { fi: 'Hei! {child} ei ole palauttanut viimeisiä kotitehtäviä. Muistutattehan kotona.', sv: 'Hej! {child} har inte lämnat in de senaste hemuppgifterna. Påminn gärna hemma.' },
    reply: { fi: 'Kiitos tiedosta, katsotaan tehtävät yhdessä tänään.', sv: 'Tack för informationen, vi tittar på uppgifterna tillsammans i dag.' },
  },
  {
    subject: { fi: 'Hienoa työskentelyä', sv: 'Fint arbete' },
    first: { fi: '{child} on työskennellyt tällä viikolla todella hienosti. Halusin kertoa sen teillekin!', sv: '{child} har arbetat riktigt fint den här veckan. Jag ville berätta det för er också!' },
    reply: { fi: 'Kiitos, ilahduttava viesti!', sv: 'Tack, vad roligt att höra!' },
  },
  {
    subject: { fi: 'Arviointikeskustelu', sv: 'Bedömningssamtal' },
    first: { fi: 'Hei! Sovitaan arviointikeskustelu: sopisiko tiistai tai torstai klo 16?', sv: 'Hej! Låt oss boka ett bedömningssamtal: passar tisdag eller torsdag kl. 16?' },
    reply: { fi: 'Tiistai klo 16 sopii meille.', sv: 'Tisdag kl. 16 passar oss.' },
    answer: { fi: 'Merkitsin ajan kalenteriin. Tervetuloa!', sv: 'Jag har bokat tiden. Välkomna!' },
  },
];

const GROUP_TOPICS: readonly Topic[] = [
  { subject: { fi: 'Retkipäivä', sv: 'Utflyktsdag' }, first: { fi: 'Hei kaikki! Luokka {group} tekee retken ensi viikolla. Mukaan eväät ja sään mukainen vaatetus.', sv: 'Hej alla! Klass {group} gör en utflykt nästa vecka. Ta med matsäck och kläder efter väder.' }, reply: { fi: '', sv: '' } },
  { subject: { fi: 'Vanhempainilta', sv: 'Föräldramöte' }, first: { fi: 'Tervetuloa luokan {group} vanhempainiltaan keskiviikkona klo 18 koulun ruokalaan.', sv: 'Välkomna på föräldramöte för klass {group} på onsdag kl. 18 i skolans matsal.' }, reply: { fi: '', sv: '' } },
  { subject: { fi: 'Liikuntapäivä', sv: 'Idrottsdag' }, first: { fi: 'Perjantaina on liikuntapäivä. Oppilaat tarvitsevat ulkoiluvaatteet ja juomapullon.', sv: 'På fredag har vi idrottsdag. Eleverna behöver uteklädsel och vattenflaska.' }, reply: { fi: '', sv: '' } },
];

const PUPIL_TOPICS: readonly Topic[] = [
  {
    subject: { fi: 'Kysymys tehtävästä', sv: 'Fråga om uppgiften' },
    first: { fi: 'Hei, en ymmärrä tehtävää {n}. Voitko neuvoa?', sv: 'Hej, jag förstår inte uppgift {n}. Kan du hjälpa?' },
    reply: { fi: 'Katso esimerkki sivulta {p}, ja kysy lisää tunnilla.', sv: 'Titta på exemplet på sidan {p} och fråga mer på lektionen.' },
  },
  {
    subject: { fi: 'Palautuksen myöhästyminen', sv: 'Sen inlämning' },
    first: { fi: 'Hei, voinko palauttaa työn vasta maanantaina? Olin kipeänä.', sv: 'Hej, kan jag lämna in arbetet först på måndag? Jag var sjuk.' },
    reply: { fi: 'Sopii, palauta maanantaihin mennessä.', sv: 'Det går bra, lämna in senast på måndag.' },
  },
];

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
}

function time(random: Random, from: number, to: number): string {
  return `${String(random.int(from, to)).padStart(2, '0')}:${String(random.int(0, 11) * 5).padStart(2, '0')}`;
}

/** Message threads: per group one about a pupil, one to all guardians, and (grades 5–9) one with a pupil. */
export function buildThreads(input: ActivityInput): MessageThread[] {
  const random = input.random.fork('threads');
  const schoolDays = days(input.from, input.asOf);
  const asOf = parseIsoDate(input.asOf);
  if (!asOf) throw new Error('sandbox.data: bad as-of date');
  const threads: MessageThread[] = [];
  for (const group of input.groups) {
    const school = input.schools.get(group.schoolOid);
    if (!school) throw new Error(`sandbox.data: group ${group.id} dangles`);
    const lang = school.lang;
    const pupils = input.learnersByGroup.get(group.id) ?? [];
    if (pupils.length === 0) continue;
    const teacher = input.staffPersonOid(group.classTeacherId);
    let n = 0;
    const thread = (subject: string, participants: string[], messages: Message[], kind: MessageThread['kind'], about?: string): void => {
      threads.push({
        id: `thr-${group.id}-${++n}`,
        kind,
        schoolOid: school.oid,
        lang,
        subject,
        participantOids: [...new Set(participants)],
        ...(about === undefined ? {} : { aboutLearnerOid: about }),
        messages,
      });
    };
    const conversation = (id: string, day: Date, texts: readonly (readonly [sender: string, body: string])[]): Message[] => {
      const out: Message[] = [];
      let d = day;
      texts.forEach(([sender, body], i) => {
        if (i > 0) d = addDays(d, random.int(0, 1));
        if (d > asOf || body === '') return;
        out.push({ id: `${id}-m${i + 1}`, senderOid: sender, sentAt: helsinkiDateTime(d, time(random, i === 0 ? 8 : 15, i === 0 ? 15 : 21)), body });
      });
      return out;
    };

    // A teacher and the guardians of one pupil.
    const about = random.pick(pupils);
    const guardians = (input.guardiansOfLearner.get(about) ?? []).filter((r) => r.receivesMessages && r.mayAct);
    const replier = guardians[0];
    if (replier) {
      const topic = random.pick(GUARDIAN_TOPICS);
      const child = input.givenName(about);
      const id = `thr-${group.id}-${n + 1}`;
      const texts: [string, string][] = [[teacher, fill(topic.first[lang], { child })]];
      if (random.chance(0.7)) texts.push([replier.guardianOid, topic.reply[lang]]);
      if (topic.answer && texts.length === 2) texts.push([teacher, topic.answer[lang]]);
      thread(topic.subject[lang], [teacher, ...guardians.map((g) => g.guardianOid)], conversation(id, random.pick(schoolDays), texts), 'direct', about);
    }

    // The class teacher to every guardian of the group.
    const everyone = pupils.flatMap((p) => (input.guardiansOfLearner.get(p) ?? []).filter((r) => r.receivesMessages && r.mayAct).map((r) => r.guardianOid));
    const announcement = random.pick(GROUP_TOPICS);
    thread(announcement.subject[lang], [teacher, ...everyone], conversation(`thr-${group.id}-${n + 1}`, random.pick(schoolDays), [[teacher, fill(announcement.first[lang], { group: group.name })]]), 'group');

    // A pupil and one of their subject teachers.
    if (group.classLevel >= 5) {
      const courses = input.courses.filter((c) => c.groupId === group.id);
      const course = random.pick(courses);
      const pupil = random.pick(pupils);
      const subjectTeacher = input.staffPersonOid(course.teacherId);
      const topic = random.pick(PUPIL_TOPICS);
      const values = { n: String(random.int(2, 12)), p: String(random.int(20, 140)) };
      thread(
        topic.subject[lang],
        [pupil, subjectTeacher],
        conversation(`thr-${group.id}-${n + 1}`, random.pick(schoolDays), [
          [pupil, fill(topic.first[lang], values)],
          [subjectTeacher, fill(topic.reply[lang], values)],
        ]),
        'direct',
      );
    }
  }
  return threads.filter((t) => t.messages.length > 0);
}

interface MaterialSeed {
  subject: SubjectKey;
  path: string;
  levels: readonly number[];
  kind: keyof typeof ACTIVITY_TYPE;
  name: Record<'fi' | 'sv' | 'en', string>;
}

const MATERIAL_SEEDS: readonly MaterialSeed[] = [
  { subject: 'MA', path: 'matematiikka/lukujonot', levels: [1, 2], kind: 'lesson', name: { fi: 'Lukujonot', sv: 'Talföljder', en: 'Number sequences' } },
  { subject: 'MA', path: 'matematiikka/kertotaulut', levels: [3, 4, 5, 6], kind: 'assessment', name: { fi: 'Kertotaulut', sv: 'Multiplikationstabeller', en: 'Multiplication tables' } },
  { subject: 'MA', path: 'matematiikka/murtoluvut', levels: [4, 5, 6], kind: 'lesson', name: { fi: 'Murtoluvut', sv: 'Bråktal', en: 'Fractions' } },
  { subject: 'MA', path: 'matematiikka/yhtalot', levels: [7, 8, 9], kind: 'lesson', name: { fi: 'Yhtälöt', sv: 'Ekvationer', en: 'Equations' } },
  { subject: 'MA', path: 'matematiikka/prosentit', levels: [7, 8, 9], kind: 'assessment', name: { fi: 'Prosenttilaskun harjoitukset', sv: 'Övningar i procenträkning', en: 'Percentage exercises' } },
  { subject: 'AI-fi', path: 'aidinkieli/lukemaan', levels: [1, 2, 3], kind: 'lesson', name: { fi: 'Lukemaan oppiminen', sv: 'Att lära sig läsa (finska)', en: 'Learning to read (Finnish)' } },
  { subject: 'AI-fi', path: 'aidinkieli/sanaluokat', levels: [4, 5, 6, 7], kind: 'assessment', name: { fi: 'Sanaluokat', sv: 'Ordklasser (finska)', en: 'Parts of speech (Finnish)' } },
  { subject: 'AI-fi', path: 'aidinkieli/novelli', levels: [8, 9], kind: 'media', name: { fi: 'Novellin rakenne', sv: 'Novellens struktur (finska)', en: 'The structure of a short story (Finnish)' } },
  { subject: 'AI-sv', path: 'modersmal/lasa-och-skriva', levels: [1, 2, 3], kind: 'lesson', name: { fi: 'Lukemaan ja kirjoittamaan (ruotsi)', sv: 'Läsa och skriva', en: 'Reading and writing (Swedish)' } },
  { subject: 'AI-sv', path: 'modersmal/ordklasser', levels: [4, 5, 6, 7, 8, 9], kind: 'assessment', name: { fi: 'Sanaluokat (ruotsi)', sv: 'Ordklasser', en: 'Parts of speech (Swedish)' } },
  { subject: 'A1-en', path: 'englanti/animals', levels: [1, 2, 3, 4], kind: 'assessment', name: { fi: 'Eläinsanasto (englanti)', sv: 'Djurord (engelska)', en: 'Animal vocabulary' } },
  { subject: 'A1-en', path: 'englanti/irregular-verbs', levels: [6, 7, 8, 9], kind: 'assessment', name: { fi: 'Epäsäännölliset verbit', sv: 'Oregelbundna verb', en: 'Irregular verbs' } },
  { subject: 'A2-en', path: 'englanti/first-words', levels: [4, 5, 6], kind: 'assessment', name: { fi: 'Ensimmäiset sanat (englanti)', sv: 'Första orden (engelska)', en: 'First words' } },
  { subject: 'A1-fi', path: 'finska/vardagsord', levels: [1, 2, 3, 4, 5, 6, 7, 8, 9], kind: 'assessment', name: { fi: 'Arjen sanasto', sv: 'Vardagsord på finska', en: 'Everyday Finnish words' } },
  { subject: 'B1-sv', path: 'ruotsi/sanasto', levels: [6, 7, 8, 9], kind: 'assessment', name: { fi: 'Ruotsin sanasto', sv: 'Svenska glosor', en: 'Swedish vocabulary' } },
  { subject: 'YL', path: 'ymparisto/vuodenajat', levels: [1, 2, 3], kind: 'media', name: { fi: 'Vuodenajat', sv: 'Årstiderna', en: 'The seasons' } },
  { subject: 'FY', path: 'fysiikka/sahkopiirit', levels: [7, 8, 9], kind: 'simulation', name: { fi: 'Sähköpiirit', sv: 'Elkretsar', en: 'Electric circuits' } },
  { subject: 'KE', path: 'kemia/jaksollinen-jarjestelma', levels: [7, 8, 9], kind: 'lesson', name: { fi: 'Jaksollinen järjestelmä', sv: 'Periodiska systemet', en: 'The periodic table' } },
  { subject: 'BI', path: 'biologia/solu', levels: [7, 8, 9], kind: 'media', name: { fi: 'Solun rakenne', sv: 'Cellens byggnad', en: 'The structure of a cell' } },
  { subject: 'HI', path: 'historia/itsenaisyys', levels: [5, 6, 8, 9], kind: 'media', name: { fi: 'Suomi itsenäistyy', sv: 'Finland blir självständigt', en: 'Finland becomes independent' } },
  { subject: 'VAL-ohj', path: 'ohjelmointi/python-alkeet', levels: [8, 9], kind: 'assessment', name: { fi: 'Pythonin alkeet', sv: 'Grunderna i Python', en: 'Python basics' } },
];

/** The sandbox's learning materials. */
export function buildMaterials(): LearningMaterial[] {
  return MATERIAL_SEEDS.map((m) => ({ id: `${MATERIALS_BASE}/${m.path}`, subject: m.subject, classLevels: m.levels, name: { ...m.name }, type: ACTIVITY_TYPE[m.kind] }));
}

function uuid(random: Random): string {
  const hex = Array.from({ length: 32 }, () => random.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = (8 + random.int(0, 3)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const VERB_DISPLAY = {
  experienced: { 'en-US': 'experienced', 'fi-FI': 'tutustui', 'sv-FI': 'tog del av' },
  attempted: { 'en-US': 'attempted', 'fi-FI': 'yritti', 'sv-FI': 'försökte' },
  completed: { 'en-US': 'completed', 'fi-FI': 'suoritti', 'sv-FI': 'slutförde' },
} as const;

/**
 * xAPI statements of a sample of pupils (the persona pupils always among them). Pupils under a non-disclosure
 * order are left out: a statement's context names the course, and so the school.
 */
export function buildXapi(input: ActivityInput, materials: readonly LearningMaterial[], ability: (learnerOid: string, subject: SubjectKey) => number, personaLearners: ReadonlySet<string>): XapiStatement[] {
  const random = input.random.fork('xapi');
  const schoolDays = days(input.from, input.asOf);
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  const coursesByGroup = new Map<string, Course[]>();
  for (const c of input.courses) coursesByGroup.set(c.groupId, [...(coursesByGroup.get(c.groupId) ?? []), c]);
  const statements: XapiStatement[] = [];
  const sample = input.learners.filter((l) => !l.turvakielto && (personaLearners.has(l.oid) || random.chance(0.14)));
  for (const learner of sample) {
    const group = groups.get(learner.homeGroupId);
    const school = input.schools.get(learner.schoolOid);
    if (!group || !school) continue;
    const courses = coursesByGroup.get(group.id) ?? [];
    const fitting = materials.filter((m) => m.classLevels.includes(group.classLevel) && courses.some((c) => c.subject === m.subject));
    if (fitting.length === 0) continue;
    const language = school.lang === 'sv' ? 'sv-FI' : 'fi-FI';
    const count = random.int(2, 5);
    for (let i = 0; i < count; i++) {
      const material = random.pick(fitting);
      const course = courses.find((c) => c.subject === material.subject);
      if (!course) continue;
      const day = random.pick(schoolDays);
      const at = random.chance(0.7) ? time(random, 8, 14) : time(random, 17, 20);
      const base = {
        actor: { objectType: 'Agent' as const, account: { homePage: XAPI_LEARNER_HOMEPAGE, name: learner.oid } },
        object: { objectType: 'Activity' as const, id: material.id, definition: { name: { 'fi-FI': material.name.fi, 'sv-FI': material.name.sv, 'en-US': material.name.en }, type: material.type } },
        context: {
          platform: 'DigiOne sandbox',
          language,
          contextActivities: { grouping: [{ id: `https://digione.sandbox/courses/${course.id}`, objectType: 'Activity' as const }] },
        },
      };
      const minutes = random.int(4, 35);
      const duration = `PT${minutes}M${random.int(0, 59)}S`;
      const push = (verb: keyof typeof VERB_DISPLAY, result: XapiStatement['result'], timestamp: string): void => {
        statements.push({
          id: uuid(random),
          actor: base.actor,
          verb: { id: XAPI_VERB[verb], display: { ...VERB_DISPLAY[verb] } },
          object: base.object,
          ...(result === undefined ? {} : { result }),
          context: base.context,
          timestamp,
        });
      };
      if (material.type === ACTIVITY_TYPE.assessment) {
        const max = random.pick([10, 20]);
        const fraction = Math.min(1, Math.max(0, (ability(learner.oid, material.subject) - 4) / 6 + (random.next() - 0.5) * 0.3));
        const raw = Math.round(fraction * max);
        const done = `${at.slice(0, 3)}${String(Math.min(59, Number(at.slice(3)) + minutes)).padStart(2, '0')}`;
        push('attempted', undefined, helsinkiDateTime(day, at));
        push('completed', { score: { scaled: Math.round((raw / max) * 100) / 100, raw, min: 0, max }, success: raw / max >= 0.5, completion: true, duration }, helsinkiDateTime(day, done));
      } else if (random.chance(0.6)) {
        push('experienced', { duration }, helsinkiDateTime(day, at));
      } else {
        push('completed', { completion: true, duration }, helsinkiDateTime(day, at));
      }
    }
  }
  return statements.sort((a, b) => a.timestamp.localeCompare(b.timestamp) || a.id.localeCompare(b.id));
}

