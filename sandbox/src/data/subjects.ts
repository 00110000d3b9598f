import type { LocalizedText } from '../../../sdk/src/api-types.ts';

/** A subject as a lesson names it: KOSKI `koskioppiaineetyleissivistava` code plus a localized name. */
export interface Subject {
  /** KOSKI code. Languages are coded by syllabus (A1, A2, B1), so the name says which language. */
  code: string;
  name: LocalizedText;
}

/**
 * Subjects of basic education. Keys are sandbox-internal: one code can stand for several subjects (AI is Finnish
 * in a Finnish-language school and Swedish in a Swedish-language one; A1 is English or Finnish).
 */
export const SUBJECTS = {
  'AI-fi': { code: 'AI', name: { fi: 'Suomen kieli ja kirjallisuus', sv: 'Finska och litteratur', en: 'Finnish language and literature' } },
  'AI-sv': { code: 'AI', name: { fi: 'Ruotsin kieli ja kirjallisuus', sv: 'Svenska och litteratur', en: 'Swedish language and literature' } },
  'A1-en': { code: 'A1', name: { fi: 'Englanti (A1)', sv: 'Engelska (A1)', en: 'English (A1)' } },
  'A1-fi': { code: 'A1', name: { fi: 'Suomi (A1)', sv: 'Finska (A1)', en: 'Finnish (A1)' } },
  'A2-en': { code: 'A2', name: { fi: 'Englanti (A2)', sv: 'Engelska (A2)', en: 'English (A2)' } },
  'B1-sv': { code: 'B1', name: { fi: 'Ruotsi (B1)', sv: 'Svenska (B1)', en: 'Swedish (B1)' } },
  MA: { code: 'MA', name: { fi: 'Matematiikka', sv: 'Matematik', en: 'Mathematics' } },
  YL: { code: 'YL', name: { fi: 'Ympäristöoppi', sv: 'Omgivningslära', en: 'Environmental studies' } },
  BI: { code: 'BI', name: { fi: 'Biologia', sv: 'Biologi', en: 'Biology' } },
  GE: { code: 'GE', name: { fi: 'Maantieto', sv: 'Geografi', en: 'Geography' } },
  FY: { code: 'FY', name: { fi: 'Fysiikka', sv: 'Fysik', en: 'Physics' } },
  KE: { code: 'KE', name: { fi: 'Kemia', sv: 'Kemi', en: 'Chemistry' } },
  TE: { code: 'TE', name: { fi: 'Terveystieto', sv: 'Hälsokunskap', en: 'Health education' } },
  HI: { code: 'HI', name: { fi: 'Historia', sv: 'Historia', en: 'History' } },
  YH: { code: 'YH', name: { fi: 'Yhteiskuntaoppi', sv: 'Samhällslära', en: 'Social studies' } },
  KT: { code: 'KT', name: { fi: 'Uskonto', sv: 'Religion', en: 'Religion' } },
  MU: { code: 'MU', name: { fi: 'Musiikki', sv: 'Musik', en: 'Music' } },
  KU: { code: 'KU', name: { fi: 'Kuvataide', sv: 'Bildkonst', en: 'Visual arts' } },
  KS: { code: 'KS', name: { fi: 'Käsityö', sv: 'Slöjd', en: 'Crafts' } },
  LI: { code: 'LI', name: { fi: 'Liikunta', sv: 'Gymnastik', en: 'Physical education' } },
  KO: { code: 'KO', name: { fi: 'Kotitalous', sv: 'Huslig ekonomi', en: 'Home economics' } },
  OP: { code: 'OP', name: { fi: 'Oppilaanohjaus', sv: 'Elevhandledning', en: 'Student counselling' } },
  // A local optional subject (paikallinen valinnainen oppiaine): its code is the school's own, not a KOSKI code.
  'VAL-ohj': { code: 'OHJ', name: { fi: 'Ohjelmointi (valinnainen)', sv: 'Programmering (valfritt)', en: 'Programming (optional)' } },
} as const satisfies Record<string, Subject>;

export type SubjectKey = keyof typeof SUBJECTS;
