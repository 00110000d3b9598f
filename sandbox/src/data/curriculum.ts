/**
 * Curriculum references of the test data: the national core curriculum for basic education 2014 (ePerusteet,
 * diaari 104/011/2014), its subjects and their learning goals `T1`…`Tn` per grade band. Ids are plausible, not
 * looked up: a vendor may rely on the shapes, not on the numbers matching ePerusteet.
 */
import type { LocalizedText } from '../../../sdk/src/api-types.ts';
import type { Curriculum, CurriculumGoal, Koodi, SubjectInfo } from './model.ts';
import { SUBJECTS, type SubjectKey } from './subjects.ts';

export const CURRICULUM: Curriculum = {
  ePerusteetId: '419550',
  diaarinumero: '104/011/2014',
  name: {
    fi: 'Perusopetuksen opetussuunnitelman perusteet 2014',
    sv: 'Grunderna för läroplanen för den grundläggande utbildningen 2014',
    en: 'National core curriculum for basic education 2014',
  },
};

/** The grade band (vuosiluokkakokonaisuus) of a class level. */
export function bandOf(classLevel: number): CurriculumGoal['band'] {
  return classLevel <= 2 ? '1-2' : classLevel <= 6 ? '3-6' : '7-9';
}

const PASS_FAIL: ReadonlySet<SubjectKey> = new Set<SubjectKey>(['OP', 'VAL-ohj']);

const KIELI: Partial<Record<SubjectKey, Koodi>> = {
  'AI-fi': { koodiarvo: 'AI1', koodistoUri: 'oppiaineaidinkielijakirjallisuus' },
  'AI-sv': { koodiarvo: 'AI2', koodistoUri: 'oppiaineaidinkielijakirjallisuus' },
  'A1-en': { koodiarvo: 'EN', koodistoUri: 'kielivalikoima' },
  'A1-fi': { koodiarvo: 'FI', koodistoUri: 'kielivalikoima' },
  'A2-en': { koodiarvo: 'EN', koodistoUri: 'kielivalikoima' },
  'B1-sv': { koodiarvo: 'SV', koodistoUri: 'kielivalikoima' },
};

/** Every subject of the test data with its KOSKI code, language and scale. */
export const SUBJECT_INFOS: readonly SubjectInfo[] = (Object.keys(SUBJECTS) as SubjectKey[]).map((key) => {
  const kieli = KIELI[key];
  return {
    key,
    code: SUBJECTS[key].code,
    name: { ...SUBJECTS[key].name },
    ...(kieli === undefined ? {} : { kieli: { ...kieli } }),
    passFail: PASS_FAIL.has(key),
  };
});

/** Goal themes shared by the subjects' goal lists (the core curriculum words its goals much like this). */
const GOAL_THEMES: readonly LocalizedText[] = [
  { fi: 'innostuu oppiaineesta ja rakentaa myönteistä käsitystä itsestään oppijana', sv: 'blir intresserad av ämnet och bygger en positiv bild av sig själv som lärande', en: 'becomes interested in the subject and builds a positive self-image as a learner' },
  { fi: 'hallitsee oppiaineen keskeiset käsitteet ja osaa käyttää niitä', sv: 'behärskar ämnets centrala begrepp och kan använda dem', en: 'masters the central concepts of the subject and can use them' },
  { fi: 'harjoittelee oppiaineelle ominaisia työtapoja', sv: 'övar ämnets typiska arbetssätt', en: 'practises the working methods typical of the subject' },
  { fi: 'hakee tietoa ja arvioi sen luotettavuutta', sv: 'söker information och bedömer dess tillförlitlighet', en: 'searches for information and evaluates its reliability' },
  { fi: 'soveltaa osaamistaan arjen tilanteissa', sv: 'tillämpar sina kunskaper i vardagliga situationer', en: 'applies what they know in everyday situations' },
  { fi: 'toimii vuorovaikutuksessa ja yhteistyössä muiden kanssa', sv: 'samverkar och samarbetar med andra', en: 'interacts and works together with others' },
  { fi: 'käyttää tieto- ja viestintäteknologiaa oppimisensa tukena', sv: 'använder informations- och kommunikationsteknik som stöd för sitt lärande', en: 'uses information and communication technology to support learning' },
  { fi: 'ilmaisee ajatteluaan ja osaamistaan monipuolisesti', sv: 'uttrycker sitt tänkande och kunnande på många sätt', en: 'expresses their thinking and skills in many ways' },
  { fi: 'pohtii kestävän elämäntavan ja arvojen merkitystä', sv: 'reflekterar över betydelsen av en hållbar livsstil och värderingar', en: 'reflects on sustainable ways of living and on values' },
  { fi: 'arvioi omaa oppimistaan ja asettaa itselleen tavoitteita', sv: 'bedömer sitt eget lärande och ställer upp mål för sig själv', en: 'assesses their own learning and sets goals' },
];

/** How many goals each subject has per band (absent: not taught in that band). */
const GOAL_COUNTS: Readonly<Record<string, Partial<Record<CurriculumGoal['band'], number>>>> = {
  AI: { '1-2': 10, '3-6': 10, '7-9': 10 },
  A1: { '1-2': 6, '3-6': 9, '7-9': 10 },
  A2: { '3-6': 9, '7-9': 10 },
  B1: { '3-6': 8, '7-9': 10 },
  MA: { '1-2': 10, '3-6': 10, '7-9': 10 },
  YL: { '1-2': 10, '3-6': 10 },
  BI: { '7-9': 9 },
  GE: { '7-9': 8 },
  FY: { '7-9': 10 },
  KE: { '7-9': 9 },
  TE: { '7-9': 8 },
  HI: { '3-6': 9, '7-9': 10 },
  YH: { '3-6': 8, '7-9': 9 },
  KT: { '1-2': 7, '3-6': 8, '7-9': 8 },
  MU: { '1-2': 7, '3-6': 8, '7-9': 8 },
  KU: { '1-2': 7, '3-6': 8, '7-9': 8 },
  KS: { '1-2': 7, '3-6': 8, '7-9': 8 },
  LI: { '1-2': 9, '3-6': 10, '7-9': 10 },
  KO: { '7-9': 8 },
  OP: { '7-9': 6 },
  OHJ: { '7-9': 6 },
};

/** Every goal of the curriculum, subject by subject and band by band. */
export const CURRICULUM_GOALS: readonly CurriculumGoal[] = Object.entries(GOAL_COUNTS).flatMap(([code, bands], subjectIndex) =>
  (['1-2', '3-6', '7-9'] as const).flatMap((band, bandIndex) => {
    const count = bands[band] ?? 0;
    return Array.from({ length: count }, (_, i): CurriculumGoal => {
      const theme = GOAL_THEMES[i % GOAL_THEMES.length] as LocalizedText;
      return {
        id: `${code}-${band}-T${i + 1}`,
        ePerusteetId: CURRICULUM.ePerusteetId,
        oppiaineId: String(466_200 + subjectIndex * 10 + bandIndex),
        subjectCode: code,
        band,
        code: `T${i + 1}`,
        text: { fi: `Oppilas ${theme.fi}.`, sv: `Eleven ${theme.sv}.`, en: `The pupil ${theme.en}.` },
      };
    });
  }),
);

const goalsByKey = new Map<string, CurriculumGoal[]>();
for (const goal of CURRICULUM_GOALS) {
  const key = `${goal.subjectCode}/${goal.band}`;
  goalsByKey.set(key, [...(goalsByKey.get(key) ?? []), goal]);
}

/** The goals of a subject at a class level (empty if the curriculum has none there). */
export function goalsFor(subject: SubjectKey, classLevel: number): readonly CurriculumGoal[] {
  return goalsByKey.get(`${SUBJECTS[subject].code}/${bandOf(classLevel)}`) ?? [];
}
