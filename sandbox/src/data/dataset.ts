/**
 * The sandbox's generated test data set: every entity of {@link ./model.ts} with the indexes the API needs.
 *
 * The data is deterministic (a seeded PRNG, no clock): every build is deep-equal, and it describes the school year
 * 2026–2027 as it stands on {@link DATASET_AS_OF} (past absences, submissions and assessments are on or before it).
 * The contract personas are inside it with their usernames, names, OIDs, schools and groups unchanged, and so are
 * the identity personas that gen-identity.ts registers (the substitute teacher, the two-city guardian, `elev`).
 *
 * @packageDocumentation
 */
import type {
  Absence,
  AcademicTerm,
  Assessment,
  Assignment,
  Course,
  Curriculum,
  CurriculumGoal,
  Group,
  GroupMembership,
  Guardian,
  GuardianRelation,
  Household,
  Learner,
  LearningMaterial,
  MessageThread,
  Municipality,
  Person,
  School,
  Staff,
  StudyRight,
  SubjectInfo,
  Submission,
  TimetableSlot,
  XapiStatement,
} from './model.ts';
import { buildDataset } from './generate.ts';

/**
 * The day the data set describes: absences, submissions, assessments, messages and xAPI statements are on or
 * before it; assignments may be due after it. A Friday in the autumn term 2026.
 */
export const DATASET_AS_OF = '2026-11-27';

/** The seed of the PRNG. Changing it changes every generated name and number (not the personas). */
export const DATASET_SEED = 20262027;

/** Everything, read-only. Arrays are in a stable order; maps are keyed by the entity's id or OID. */
export interface Dataset {
  readonly municipalities: readonly Municipality[];
  readonly schools: readonly School[];
  readonly persons: readonly Person[];
  readonly households: readonly Household[];
  readonly learners: readonly Learner[];
  readonly staff: readonly Staff[];
  readonly guardians: readonly Guardian[];
  readonly guardianRelations: readonly GuardianRelation[];
  readonly groups: readonly Group[];
  readonly memberships: readonly GroupMembership[];
  readonly terms: readonly AcademicTerm[];
  readonly subjects: readonly SubjectInfo[];
  readonly curriculum: Curriculum;
  readonly curriculumGoals: readonly CurriculumGoal[];
  readonly courses: readonly Course[];
  /** The weekly timetable of every group; dated lessons come from `lessonsOf` in timetable.ts. */
  readonly timetable: readonly TimetableSlot[];
  readonly assignments: readonly Assignment[];
  readonly submissions: readonly Submission[];
  readonly assessments: readonly Assessment[];
  readonly absences: readonly Absence[];
  readonly studyRights: readonly StudyRight[];
  readonly threads: readonly MessageThread[];
  readonly materials: readonly LearningMaterial[];
  readonly xapi: readonly XapiStatement[];

  // Lookups by key.
  readonly personByOid: ReadonlyMap<string, Person>;
  readonly learnerByOid: ReadonlyMap<string, Learner>;
  /** Staff by staff id (`t-esimerkki`). */
  readonly staffById: ReadonlyMap<string, Staff>;
  /** Staff positions of a person (one per organisation). */
  readonly staffByPerson: ReadonlyMap<string, readonly Staff[]>;
  readonly schoolByOid: ReadonlyMap<string, School>;
  readonly groupById: ReadonlyMap<string, Group>;
  readonly courseById: ReadonlyMap<string, Course>;
  readonly studyRightByLearner: ReadonlyMap<string, StudyRight>;
  /** Person OID of each persona, by username (`pupil`, `guardian`, …). */
  readonly personaPersonOid: ReadonlyMap<string, string>;

  // Relations.
  /** Learner OIDs of a group, by group id, ordered by family then given name. */
  readonly learnersByGroup: ReadonlyMap<string, readonly string[]>;
  /** Group ids a teacher teaches (any course), by staff id. */
  readonly groupsByTeacher: ReadonlyMap<string, readonly string[]>;
  /** Courses a teacher teaches, by staff id. */
  readonly coursesByTeacher: ReadonlyMap<string, readonly Course[]>;
  /** Courses of a group, by group id. */
  readonly coursesByGroup: ReadonlyMap<string, readonly Course[]>;
  /** Guardian relations of a learner, by learner OID. */
  readonly guardiansOfLearner: ReadonlyMap<string, readonly GuardianRelation[]>;
  /** Guardian relations of a guardian, by guardian person OID. */
  readonly childrenOfGuardian: ReadonlyMap<string, readonly GuardianRelation[]>;
  /** School OID of a group, by group id. */
  readonly schoolOfGroup: ReadonlyMap<string, string>;
  /** Group ids of a school, by school OID. */
  readonly groupsBySchool: ReadonlyMap<string, readonly string[]>;
  readonly assessmentsByLearner: ReadonlyMap<string, readonly Assessment[]>;
  readonly absencesByLearner: ReadonlyMap<string, readonly Absence[]>;
  readonly submissionsByAssignment: ReadonlyMap<string, readonly Submission[]>;
  readonly assignmentsByGroup: ReadonlyMap<string, readonly Assignment[]>;
  readonly xapiByLearner: ReadonlyMap<string, readonly XapiStatement[]>;
  /** Threads a person takes part in, by person OID. */
  readonly threadsByPerson: ReadonlyMap<string, readonly MessageThread[]>;
  /**
   * OIDs of persons under a non-disclosure order (turvakielto). Their address, home municipality, school and group
   * must be hidden from everyone except authorised staff of the pupil's own school.
   */
  readonly nonDisclosure: ReadonlySet<string>;
}

let cached: Dataset | undefined;

/** The data set, built on first call (well under a second) and shared afterwards. Treat it as immutable. */
export function getDataset(): Dataset {
  cached ??= buildDataset(DATASET_SEED, DATASET_AS_OF);
  return cached;
}
