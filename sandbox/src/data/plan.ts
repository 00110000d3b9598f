/**
 * The shape of the generated schools: which groups each school has, the weekly lesson hours per subject and class
 * level (tuntijako), which kind of teacher teaches what, and the rooms. The generator fills in people and times.
 */
import type { Address, SchoolLang } from './model.ts';
import { SCHOOL_OID } from './schools.ts';
import type { SubjectKey } from './subjects.ts';

/** Facts about a school that schools.ts (the MPASSid view) does not hold. */
export interface SchoolPlan {
  oid: string;
  lang: SchoolLang;
  classLevels: readonly number[];
  /** Group names, e.g. `7B`; the hand-written ones (timetable-templates.ts) included. */
  groups: readonly string[];
  /** Pupils per group, inclusive range. */
  groupSize: readonly [min: number, max: number];
  address: Address;
  /** Home rooms for generated groups: lower (1–6) and upper (7–9) grades, in order of use. */
  homeRooms: { lower: readonly string[]; upper: readonly string[] };
  /** Rooms of generated subject teachers, in order of use. */
  teacherRooms: readonly string[];
  /** Shared special rooms by subject; lessons take the first one free. */
  specialRooms: Partial<Record<SubjectKey, readonly string[]>>;
  /** Bundles merged in a small school (one teacher teaches all of them). */
  mergeBundles?: Partial<Record<Bundle, Bundle>>;
}

const series = (prefix: string, from: number, count: number, skip: readonly number[] = []): string[] => {
  const out: string[] = [];
  for (let n = from; out.length < count; n++) if (!skip.includes(n)) out.push(`${prefix}${n}`);
  return out;
};

const letters = (levels: readonly number[], suffixes: readonly string[]): string[] =>
  levels.flatMap((level) => suffixes.map((s) => `${level}${s}`));

export const SCHOOL_PLANS: readonly SchoolPlan[] = [
  {
    oid: SCHOOL_OID.testimaki,
    lang: 'fi',
    classLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    groups: letters([1, 2, 3, 4, 5, 6, 7, 8, 9], ['A', 'B']),
    groupSize: [17, 22],
    address: { street: 'Testimäentie 1', postalCode: '99010', city: 'Vantaa' },
    homeRooms: { lower: series('C1', 10, 12), upper: series('A3', 10, 6) },
    teacherRooms: series('B2', 10, 20),
    specialRooms: {
      LI: ['Liikuntasali', 'Pieni liikuntasali', 'Voimistelusali'],
      KS: ['Käsityöluokka', 'Tekstiilityöluokka'],
      KO: ['Kotitalousluokka'],
      MU: ['Musiikkiluokka', 'Musiikkiluokka 2'],
      KU: ['Kuvataideluokka', 'Kuvataideluokka 2'],
      FY: ['B115', 'B117'],
      KE: ['B116', 'B117'],
    },
    mergeBundles: { KU: 'MU' },
  },
  {
    oid: SCHOOL_OID.testbacken,
    lang: 'sv',
    classLevels: [1, 2, 3, 4, 5, 6, 7, 8, 9],
    groups: letters([1, 2, 3, 4, 5, 6, 7, 8, 9], ['A']),
    groupSize: [12, 16],
    address: { street: 'Provgatan 2', postalCode: '99020', city: 'Vanda' },
    homeRooms: { lower: series('Klassrum ', 1, 6, [7, 12]), upper: series('Klassrum ', 20, 4) },
    teacherRooms: series('Klassrum ', 30, 12),
    specialRooms: {
      LI: ['Gymnastiksalen', 'Lilla gymnastiksalen'],
      KS: ['Slöjdsalen', 'Textilslöjdsalen'],
      KO: ['Huslig ekonomi-salen'],
      MU: ['Musiksalen'],
      KU: ['Bildkonstsalen'],
      FY: ['Laboratoriet'],
      KE: ['Laboratoriet'],
    },
    mergeBundles: { HIYH: 'BIGE', OP: 'BIGE', MU: 'KU', KSKO: 'KU', SV: 'EN', FI: 'EN' },
  },
  {
    oid: SCHOOL_OID.kokeilulaakso,
    lang: 'fi',
    classLevels: [7, 8, 9],
    groups: letters([7, 8, 9], ['A', 'B', 'C']),
    groupSize: [18, 23],
    address: { street: 'Kokeilulaaksontie 5', postalCode: '99110', city: 'Espoo' },
    homeRooms: { lower: [], upper: series('2.0', 1, 9) },
    teacherRooms: series('3.2', 1, 9),
    mergeBundles: { MU: 'KU', OP: 'HIYH' },
    specialRooms: {
      LI: ['Liikuntasali', 'Pieni sali'],
      KS: ['Käsityöluokka', 'Tekstiililuokka'],
      KO: ['Kotitalousluokka'],
      MU: ['Musiikkiluokka'],
      KU: ['Kuvisluokka'],
      FY: ['3.07', '3.08'],
      KE: ['3.07', '3.08'],
    },
  },
  {
    oid: SCHOOL_OID.esimerkkirinne,
    lang: 'fi',
    classLevels: [1, 2, 3, 4, 5, 6],
    groups: letters([1, 2, 3, 4, 5, 6], ['A', 'B']),
    groupSize: [16, 21],
    address: { street: 'Esimerkkirinne 3', postalCode: '99120', city: 'Espoo' },
    homeRooms: { lower: series('A1', 1, 12), upper: [] },
    teacherRooms: series('B1', 1, 6),
    specialRooms: {
      LI: ['Liikuntasali', 'Pieni liikuntasali'],
      KS: ['Käsityöluokka', 'Tekstiilityöluokka'],
    },
  },
];

/** What kind of teacher teaches a subject: the class teacher (grades 1–6) or a subject-teacher bundle. */
export type Bundle = 'class' | 'AI' | 'MAFY' | 'EN' | 'SV' | 'FI' | 'BIGE' | 'HIYH' | 'OP' | 'LITE' | 'KU' | 'MU' | 'KSKO';

const SUBJECT_BUNDLE: Readonly<Record<SubjectKey, Exclude<Bundle, 'class'>>> = {
  'AI-fi': 'AI',
  'AI-sv': 'AI',
  'A1-en': 'EN',
  'A2-en': 'EN',
  'A1-fi': 'FI',
  'B1-sv': 'SV',
  MA: 'MAFY',
  FY: 'MAFY',
  KE: 'MAFY',
  'VAL-ohj': 'MAFY',
  YL: 'BIGE',
  BI: 'BIGE',
  GE: 'BIGE',
  HI: 'HIYH',
  YH: 'HIYH',
  KT: 'HIYH',
  OP: 'OP',
  LI: 'LITE',
  TE: 'LITE',
  KU: 'KU',
  MU: 'MU',
  KS: 'KSKO',
  KO: 'KSKO',
};

/** Who teaches `subject` at `classLevel`: in grades 1–6 the class teacher teaches all but the foreign languages. */
export function bundleOf(subject: SubjectKey, classLevel: number, plan: SchoolPlan): Bundle {
  const bundle = SUBJECT_BUNDLE[subject];
  if (classLevel <= 6 && bundle !== 'EN' && bundle !== 'SV' && bundle !== 'FI') return 'class';
  return plan.mergeBundles?.[bundle] ?? bundle;
}

/** The subjects a subject teacher of a bundle is said to teach (their `Staff.subjects`). */
export function subjectsOfBundle(bundle: Bundle, plan: SchoolPlan): SubjectKey[] {
  return (Object.keys(SUBJECT_BUNDLE) as SubjectKey[]).filter(
    (s) => (plan.mergeBundles?.[SUBJECT_BUNDLE[s]] ?? SUBJECT_BUNDLE[s]) === bundle && s !== 'YL',
  );
}

type Hours = Partial<Record<SubjectKey, number>>;

/** Weekly lessons per subject in a Finnish-language school (A1 English from grade 1, B1 Swedish from grade 6). */
const HOURS_FI: Readonly<Record<number, Hours>> = {
  1: { 'AI-fi': 7, MA: 3, YL: 2, 'A1-en': 1, KT: 1, MU: 1, KU: 1, KS: 2, LI: 2 },
  2: { 'AI-fi': 7, MA: 3, YL: 2, 'A1-en': 2, KT: 1, MU: 1, KU: 1, KS: 2, LI: 2 },
  3: { 'AI-fi': 5, MA: 4, YL: 3, 'A1-en': 2, KT: 1, MU: 1, KU: 2, KS: 2, LI: 2 },
  4: { 'AI-fi': 5, MA: 4, YL: 3, 'A1-en': 2, KT: 1, MU: 2, KU: 1, KS: 2, LI: 3 },
  5: { 'AI-fi': 4, MA: 4, YL: 3, 'A1-en': 3, HI: 1, KT: 1, MU: 1, KU: 2, KS: 2, LI: 3 },
  6: { 'AI-fi': 4, MA: 4, YL: 3, 'A1-en': 2, 'B1-sv': 2, HI: 2, YH: 1, KT: 1, MU: 1, KU: 1, KS: 2, LI: 3 },
  7: { 'AI-fi': 3, MA: 3, 'A1-en': 2, 'B1-sv': 2, BI: 1, GE: 1, FY: 1, KE: 1, HI: 1, KT: 1, OP: 1, TE: 1, LI: 2, KU: 2, MU: 1, KS: 2, KO: 2 },
  8: { 'AI-fi': 3, MA: 3, 'A1-en': 2, 'B1-sv': 2, BI: 1, GE: 1, FY: 1, KE: 1, HI: 2, YH: 1, KT: 1, TE: 1, LI: 2, KU: 1, MU: 1, KS: 1, KO: 1, 'VAL-ohj': 2 },
  9: { 'AI-fi': 3, MA: 3, 'A1-en': 2, 'B1-sv': 2, BI: 2, GE: 1, FY: 2, KE: 2, HI: 2, YH: 2, KT: 1, OP: 1, TE: 1, LI: 2, 'VAL-ohj': 2 },
};

/** The Swedish-language school: A1 Finnish from grade 1, A2 English from grade 4, no B1. */
function swedishHours(level: number): Hours {
  const out: Hours = {};
  for (const [key, hours] of Object.entries(HOURS_FI[level] ?? {}) as [SubjectKey, number][]) {
    if (key === 'AI-fi') out['AI-sv'] = hours;
    else if (key === 'A1-en') out['A1-fi'] = hours;
    else if (key === 'B1-sv') continue;
    else out[key] = hours;
  }
  if (level >= 4) out['A2-en'] = 2;
  return out;
}

/** The weekly hours per subject of a class level in a school of this language. */
export function weeklyHours(classLevel: number, lang: SchoolLang): Hours {
  return lang === 'sv' ? swedishHours(classLevel) : { ...(HOURS_FI[classLevel] ?? {}) };
}

/**
 * Existing (hand-written) non-persona teachers who also take generated groups, and in which bundles. Persona
 * teachers are left out on purpose: their claims list exactly the groups they teach.
 */
export const EXISTING_TEACHER_BUNDLES: Readonly<Record<string, readonly Bundle[]>> = {
  't-mallinen': ['AI'],
  't-demo': ['EN'],
  't-testimaa': ['BIGE'],
  't-koelainen': ['HIYH', 'OP'],
  't-esimerkkinen': ['LITE'],
  't-sointunen': ['MU'],
  't-testikas': ['KSKO'],
  't-provkvist': ['EN'],
  't-testaaja': ['AI'],
  't-esimerkkila': ['EN', 'SV'],
  't-oppikoe': ['BIGE', 'HIYH'],
  't-taitotesti': ['KU', 'KSKO'],
};

/** Class teachers (grades 1–6) and form tutors (7–9) of the hand-written groups. */
export const HANDWRITTEN_CLASS_TEACHERS: Readonly<Record<string, string>> = {
  '99001-3B': 't-luokkanen',
  '99001-7A': 't-mallinen',
  '99001-8B': 't-demo',
  '99001-9A': 't-koelainen',
  '99002-5A': 't-teststrom',
  '99101-7C': 't-testaaja',
  '99101-8A': 't-oppikoe',
};

/** Municipality codes (koodisto `kunta`) and the postal code prefix of generated home addresses. */
export const MUNICIPALITY_FACTS: Readonly<Record<string, { kuntakoodi: string; postalPrefix: string; city: Record<SchoolLang, string> }>> = {
  vantaa: { kuntakoodi: '092', postalPrefix: '990', city: { fi: 'Vantaa', sv: 'Vanda' } },
  espoo: { kuntakoodi: '049', postalPrefix: '991', city: { fi: 'Espoo', sv: 'Esbo' } },
};
