/**
 * The hand-written weekly timetables of the groups the personas belong to and teach. They are kept verbatim: the
 * generator adds the other groups around them without moving a lesson of these.
 */
import { SCHOOL_OID } from './schools.ts';
import { SUBJECTS, type SubjectKey } from './subjects.ts';

/** Lesson slots of a school day: 45-minute lessons, lunch between the third and the fourth. */
export const SLOTS: readonly (readonly [start: string, end: string])[] = [
  ['08:15', '09:00'],
  ['09:10', '09:55'],
  ['10:10', '10:55'],
  ['11:25', '12:10'],
  ['12:20', '13:05'],
  ['13:15', '14:00'],
  ['14:10', '14:55'],
];

/** Who teaches a subject to a group, and where (the group's home room unless named). */
type Course = readonly [teacherId: string, room?: string];

/** A teaching group's weekly timetable. */
export interface GroupTimetable {
  schoolOid: string;
  /** Group name, e.g. `7A`; unique within its school. */
  group: string;
  homeRoom: string;
  courses: Partial<Record<SubjectKey, Course>>;
  /** Monday to Friday: subject keys per slot, `-` for a free slot. */
  week: readonly [string, string, string, string, string];
}

export const TIMETABLES: readonly GroupTimetable[] = [
  {
    schoolOid: SCHOOL_OID.testimaki,
    group: '3B',
    homeRoom: 'C103',
    courses: {
      'AI-fi': ['t-luokkanen'],
      MA: ['t-luokkanen'],
      YL: ['t-luokkanen'],
      KU: ['t-luokkanen'],
      KS: ['t-luokkanen'],
      'A1-en': ['t-demo'],
      LI: ['t-esimerkkinen', 'Liikuntasali'],
      MU: ['t-sointunen', 'Musiikkiluokka'],
      KT: ['t-koelainen'],
    },
    week: [
      'AI-fi MA YL LI',
      'AI-fi MA A1-en KU KU',
      'AI-fi YL MA MU',
      'AI-fi A1-en LI KS KS',
      'AI-fi MA KT YL',
    ],
  },
  {
    schoolOid: SCHOOL_OID.testimaki,
    group: '7A',
    homeRoom: 'A204',
    courses: {
      'AI-fi': ['t-mallinen'],
      MA: ['t-esimerkki', 'B112'],
      FY: ['t-esimerkki', 'B115'],
      'A1-en': ['t-demo', 'A210'],
      'B1-sv': ['t-kaksinen', 'A212'],
      BI: ['t-testimaa', 'B118'],
      GE: ['t-testimaa', 'B118'],
      KE: ['t-testimaa', 'B116'],
      HI: ['t-koelainen'],
      KT: ['t-koelainen'],
      OP: ['t-koelainen'],
      LI: ['t-esimerkkinen', 'Liikuntasali'],
      TE: ['t-esimerkkinen'],
      KU: ['t-demo', 'Kuvataideluokka'],
      MU: ['t-sointunen', 'Musiikkiluokka'],
      KS: ['t-testikas', 'Käsityöluokka'],
      KO: ['t-testikas', 'Kotitalousluokka'],
    },
    week: [
      'AI-fi MA A1-en BI LI LI',
      'B1-sv MA HI KU KU',
      'AI-fi A1-en FY KE MU',
      'MA AI-fi GE KO KO KT',
      '- B1-sv KS KS TE OP',
    ],
  },
  {
    schoolOid: SCHOOL_OID.testimaki,
    group: '8B',
    homeRoom: 'A206',
    courses: {
      'AI-fi': ['t-mallinen'],
      MA: ['t-esimerkki', 'B112'],
      FY: ['t-testimaa', 'B115'],
      KE: ['t-testimaa', 'B116'],
      BI: ['t-testimaa', 'B118'],
      GE: ['t-testimaa', 'B118'],
      'A1-en': ['t-demo', 'A210'],
      'B1-sv': ['t-kaksinen', 'A212'],
      HI: ['t-koelainen'],
      YH: ['t-koelainen'],
      KT: ['t-koelainen'],
      LI: ['t-esimerkkinen', 'Liikuntasali'],
      TE: ['t-esimerkkinen'],
      KU: ['t-demo', 'Kuvataideluokka'],
      MU: ['t-sointunen', 'Musiikkiluokka'],
      KS: ['t-testikas', 'Käsityöluokka'],
      KO: ['t-testikas', 'Kotitalousluokka'],
    },
    week: [
      'B1-sv AI-fi KS KS MA HI',
      'A1-en AI-fi FY LI LI',
      'MA KE BI KU GE',
      'KO KO B1-sv MA AI-fi MU',
      'A1-en YH TE KT',
    ],
  },
  {
    schoolOid: SCHOOL_OID.testimaki,
    group: '9A',
    homeRoom: 'A208',
    courses: {
      'AI-fi': ['t-mallinen'],
      MA: ['t-esimerkki', 'B112'],
      FY: ['t-esimerkki', 'B115'],
      KE: ['t-testimaa', 'B116'],
      BI: ['t-testimaa', 'B118'],
      GE: ['t-testimaa', 'B118'],
      'A1-en': ['t-demo', 'A210'],
      'B1-sv': ['t-kaksinen', 'A212'],
      HI: ['t-malli'],
      YH: ['t-koelainen'],
      KT: ['t-koelainen'],
      OP: ['t-koelainen'],
      LI: ['t-esimerkkinen', 'Liikuntasali'],
      TE: ['t-esimerkkinen'],
      KU: ['t-demo', 'Kuvataideluokka'],
      MU: ['t-sointunen', 'Musiikkiluokka'],
    },
    week: [
      'FY B1-sv AI-fi MA OP',
      'HI A1-en MA KE - LI LI',
      'BI YH B1-sv KT AI-fi',
      'A1-en HI MA TE MU',
      'AI-fi FY GE KU KU',
    ],
  },
  {
    schoolOid: SCHOOL_OID.testbacken,
    group: '5A',
    homeRoom: 'Klassrum 12',
    courses: {
      'AI-sv': ['t-teststrom'],
      MA: ['t-teststrom'],
      YL: ['t-teststrom'],
      KU: ['t-teststrom'],
      KS: ['t-teststrom', 'Slöjdsalen'],
      KT: ['t-teststrom'],
      'A1-fi': ['t-provkvist', 'Klassrum 7'],
      'A2-en': ['t-provkvist', 'Klassrum 7'],
      LI: ['t-provkvist', 'Gymnastiksalen'],
      MU: ['t-provkvist', 'Musiksalen'],
    },
    week: [
      'AI-sv MA A1-fi YL LI',
      'AI-sv A2-en MA KS KS',
      'AI-sv A1-fi MA MU KU',
      'AI-sv YL LI KT',
      'MA AI-sv A1-fi KU',
    ],
  },
  {
    schoolOid: SCHOOL_OID.kokeilulaakso,
    group: '7C',
    homeRoom: '2.14',
    courses: {
      MA: ['t-kokeilu', '3.05'],
      KE: ['t-kokeilu', '3.07'],
      FY: ['t-kokeilu', '3.07'],
      'AI-fi': ['t-testaaja'],
      'A1-en': ['t-esimerkkila', '2.20'],
      'B1-sv': ['t-esimerkkila', '2.20'],
      BI: ['t-oppikoe', '3.10'],
      GE: ['t-oppikoe', '3.10'],
      HI: ['t-oppikoe'],
      TE: ['t-oppikoe'],
      KU: ['t-taitotesti', 'Kuvisluokka'],
      KS: ['t-taitotesti', 'Käsityöluokka'],
      KO: ['t-taitotesti', 'Kotitalousluokka'],
      MU: ['t-taitotesti', 'Musiikkiluokka'],
      LI: ['t-taitotesti', 'Liikuntasali'],
    },
    week: [
      'MA AI-fi A1-en BI LI',
      'KU KU AI-fi MA B1-sv',
      'A1-en KE MA HI MU',
      'AI-fi B1-sv GE KO KO',
      'MA FY KS KS TE',
    ],
  },
  {
    schoolOid: SCHOOL_OID.kokeilulaakso,
    group: '8A',
    homeRoom: '2.16',
    courses: {
      MA: ['t-kokeilu', '3.05'],
      KE: ['t-kokeilu', '3.07'],
      FY: ['t-kokeilu', '3.07'],
      'AI-fi': ['t-testaaja'],
      'A1-en': ['t-esimerkkila', '2.20'],
      'B1-sv': ['t-esimerkkila', '2.20'],
      BI: ['t-oppikoe', '3.10'],
      GE: ['t-oppikoe', '3.10'],
      HI: ['t-oppikoe'],
      YH: ['t-oppikoe'],
      KT: ['t-oppikoe'],
      KU: ['t-taitotesti', 'Kuvisluokka'],
      MU: ['t-taitotesti', 'Musiikkiluokka'],
      LI: ['t-taitotesti', 'Liikuntasali'],
    },
    week: [
      'AI-fi MA KE A1-en HI',
      'MA AI-fi LI LI BI',
      'AI-fi B1-sv KT FY MA',
      'KU MA A1-en KE YH',
      'MU AI-fi B1-sv GE',
    ],
  },
];

/** One lesson of the weekly template, resolved. */
export interface TemplateLesson {
  timetable: GroupTimetable;
  /** ISO weekday 1–5. */
  weekday: number;
  slot: number;
  subject: SubjectKey;
  teacherId: string;
  room: string;
}

export function isSubjectKey(value: string): value is SubjectKey {
  return Object.hasOwn(SUBJECTS, value);
}

/** The weekly template of a group, resolved lesson by lesson; throws on a template that names no course. */
export function templateLessons(timetable: GroupTimetable): TemplateLesson[] {
  const lessons: TemplateLesson[] = [];
  timetable.week.forEach((day, dayIndex) => {
    day.split(/\s+/).forEach((key, slot) => {
      if (key === '-') return;
      const course = isSubjectKey(key) ? timetable.courses[key] : undefined;
      if (!isSubjectKey(key) || !course) {
        throw new Error(`sandbox.data: ${timetable.group} names "${key}" without a course`);
      }
      if (slot >= SLOTS.length) throw new Error(`sandbox.data: ${timetable.group} has too many lessons on day ${dayIndex + 1}`);
      lessons.push({
        timetable,
        weekday: dayIndex + 1,
        slot,
        subject: key,
        teacherId: course[0],
        room: course[1] ?? timetable.homeRoom,
      });
    });
  });
  return lessons;
}

