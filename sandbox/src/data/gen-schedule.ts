/**
 * Generates groups, courses and weekly timetables around the hand-written ones: teachers get courses up to a
 * realistic load, and lessons are placed so that no group, teacher or room is in two places at once.
 */
import type { Course, Group, TimetableSlot } from './model.ts';
import { bundleOf, EXISTING_TEACHER_BUNDLES, HANDWRITTEN_CLASS_TEACHERS, weeklyHours, type Bundle, type SchoolPlan } from './plan.ts';
import type { Random } from './random.ts';
import type { SubjectKey } from './subjects.ts';
import { SLOTS, templateLessons, TIMETABLES } from './timetable-templates.ts';

/** Lessons a subject teacher teaches at most per week (the teaching obligation is 18–24). */
export const TEACHER_CAPACITY = 24;

const DAYS = [1, 2, 3, 4, 5] as const;

/** What the schedule generator needs from the people generator. */
export interface ScheduleContext {
  random: Random;
  schoolYear: string;
  schoolCode(oid: string): string;
  /** Creates a generated teacher at the school for a bundle and returns their staff id. */
  newTeacher(plan: SchoolPlan, bundle: Bundle): string;
  /** Staff ids of persona teachers (never given generated groups or tutoring). */
  personaTeachers: ReadonlySet<string>;
}

export interface ScheduleResult {
  groups: Group[];
  courses: Course[];
  timetable: TimetableSlot[];
}

interface PoolTeacher {
  id: string;
  load: number;
  room?: string;
}

interface Block {
  course: Course;
  size: 1 | 2;
  rooms: readonly string[];
  level: number;
}

interface Placed {
  block: Block;
  day: number;
  slot: number;
  room: string;
}

const DOUBLE_SUBJECTS: ReadonlySet<SubjectKey> = new Set<SubjectKey>(['KS', 'KO', 'KU', 'LI']);

/** The last slot index a class level may use, and how many lessons a day it may have at most. */
function dayShape(level: number): { lastSlot: number; perDay: number } {
  if (level <= 2) return { lastSlot: 4, perDay: 5 };
  if (level <= 4) return { lastSlot: 5, perDay: 5 };
  if (level <= 6) return { lastSlot: 5, perDay: 6 };
  return { lastSlot: SLOTS.length - 1, perDay: SLOTS.length };
}

function levelOf(groupName: string): number {
  return Number.parseInt(groupName, 10);
}

/** Groups, courses and weekly timetable slots of every school in `plans`. */
export function buildSchedule(plans: readonly SchoolPlan[], ctx: ScheduleContext): ScheduleResult {
  const groups: Group[] = [];
  const courses: Course[] = [];
  const timetable: TimetableSlot[] = [];
  for (const plan of plans) {
    const school = scheduleSchool(plan, ctx);
    groups.push(...school.groups);
    courses.push(...school.courses);
    timetable.push(...school.timetable);
  }
  return { groups, courses, timetable };
}

function scheduleSchool(plan: SchoolPlan, ctx: ScheduleContext): ScheduleResult {
  const code = ctx.schoolCode(plan.oid);
  const groups: Group[] = [];
  const courses: Course[] = [];
  const timetable: TimetableSlot[] = [];
  const homeRooms = { lower: [...plan.homeRooms.lower], upper: [...plan.homeRooms.upper] };
  const teacherRooms = [...plan.teacherRooms];

  // The hand-written groups, verbatim.
  const handwritten = TIMETABLES.filter((t) => t.schoolOid === plan.oid);
  const loads = new Map<string, PoolTeacher>();
  const roomOfTeacherSubject = new Map<string, string>();
  for (const t of handwritten) {
    const groupId = `${code}-${t.group}`;
    const lessons = templateLessons(t);
    const perCourse = new Map<SubjectKey, number>();
    for (const lesson of lessons) {
      perCourse.set(lesson.subject, (perCourse.get(lesson.subject) ?? 0) + 1);
      const teacher = loads.get(lesson.teacherId) ?? { id: lesson.teacherId, load: 0 };
      teacher.load++;
      loads.set(lesson.teacherId, teacher);
      if (lesson.room !== t.homeRoom) roomOfTeacherSubject.set(`${lesson.teacherId}/${lesson.subject}`, lesson.room);
      timetable.push({
        courseId: `${groupId}-${lesson.subject}`,
        groupId,
        weekday: lesson.weekday,
        slot: lesson.slot,
        room: lesson.room,
        teacherId: lesson.teacherId,
      });
    }
    for (const [subject, weeklyLessons] of perCourse) {
      const teacherId = t.courses[subject]?.[0] ?? '';
      courses.push({ id: `${groupId}-${subject}`, groupId, schoolOid: plan.oid, subject, teacherId, weeklyLessons });
    }
    const classTeacherId = HANDWRITTEN_CLASS_TEACHERS[groupId];
    if (classTeacherId === undefined) throw new Error(`sandbox.data: no class teacher for ${groupId}`);
    groups.push({
      id: groupId,
      schoolOid: plan.oid,
      name: t.group,
      kind: 'class',
      classLevel: levelOf(t.group),
      homeRoom: t.homeRoom,
      classTeacherId,
      schoolYear: ctx.schoolYear,
    });
  }

  // Teacher pools per bundle: existing non-persona teachers of this school first.
  const pools = new Map<Bundle, PoolTeacher[]>();
  for (const [id, bundles] of Object.entries(EXISTING_TEACHER_BUNDLES)) {
    const teacher = loads.get(id);
    if (!teacher || ctx.personaTeachers.has(id)) continue;
    for (const bundle of bundles) pools.set(bundle, [...(pools.get(bundle) ?? []), teacher]);
  }
  const hire = (bundle: Bundle): PoolTeacher => {
    const created: PoolTeacher = { id: ctx.newTeacher(plan, bundle), load: 0 };
    const room = teacherRooms.shift();
    if (room !== undefined) created.room = room;
    pools.set(bundle, [...(pools.get(bundle) ?? []), created]);
    return created;
  };
  // The least-loaded teacher of the bundle who can take the hours, so that loads come out even.
  const teacherFor = (bundle: Bundle, hours: number): PoolTeacher => {
    const pool = [...(pools.get(bundle) ?? [])].sort((a, b) => a.load - b.load);
    // A few lessons over the norm rather than a new teacher for a handful of lessons.
    return pool.find((t) => t.load + hours <= TEACHER_CAPACITY) ?? pool.find((t) => t.load + hours <= TEACHER_CAPACITY + 3) ?? hire(bundle);
  };

  // Generated groups and what each needs, by bundle.
  const generated: { group: Group; hours: ReturnType<typeof weeklyHours>; byBundle: Map<Bundle, SubjectKey[]> }[] = [];
  for (const name of plan.groups) {
    if (handwritten.some((t) => t.group === name)) continue;
    const level = levelOf(name);
    const groupId = `${code}-${name}`;
    const homeRoom = (level <= 6 ? homeRooms.lower : homeRooms.upper).shift();
    if (homeRoom === undefined) throw new Error(`sandbox.data: ${code} has no home room left for ${name}`);
    const classTeacherId = level <= 6 ? ctx.newTeacher(plan, 'class') : '';
    const group: Group = { id: groupId, schoolOid: plan.oid, name, kind: 'class', classLevel: level, homeRoom, classTeacherId, schoolYear: ctx.schoolYear };
    const hours = weeklyHours(level, plan.lang);
    const byBundle = new Map<Bundle, SubjectKey[]>();
    for (const subject of Object.keys(hours) as SubjectKey[]) {
      const bundle = bundleOf(subject, level, plan);
      byBundle.set(bundle, [...(byBundle.get(bundle) ?? []), subject]);
    }
    generated.push({ group, hours, byBundle });
  }

  // Hire as many subject teachers as the demand beyond the existing teachers' spare hours needs.
  const demand = new Map<Bundle, number>();
  for (const { hours, byBundle } of generated) {
    for (const [bundle, subjects] of byBundle) {
      if (bundle !== 'class') demand.set(bundle, (demand.get(bundle) ?? 0) + subjects.reduce((n, s) => n + (hours[s] ?? 0), 0));
    }
  }
  // A teacher in two bundles offers their spare hours once.
  const reserved = new Map<PoolTeacher, number>();
  for (const [bundle, hours] of demand) {
    let missing = hours;
    for (const t of pools.get(bundle) ?? []) {
      const take = Math.min(missing, Math.max(0, TEACHER_CAPACITY - t.load - (reserved.get(t) ?? 0)));
      reserved.set(t, (reserved.get(t) ?? 0) + take);
      missing -= take;
    }
    for (; missing > 0; missing -= TEACHER_CAPACITY) hire(bundle);
  }

  // Courses and the blocks to place.
  const blocks: Block[] = [];
  for (const { group, hours, byBundle } of generated) {
    const level = group.classLevel;
    for (const [bundle, subjects] of byBundle) {
      const total = subjects.reduce((n, s) => n + (hours[s] ?? 0), 0);
      const teacher = bundle === 'class' ? { id: group.classTeacherId, load: 0, room: group.homeRoom } : teacherFor(bundle, total);
      teacher.load += total;
      for (const subject of subjects) {
        const weeklyLessons = hours[subject] ?? 0;
        const course: Course = { id: `${group.id}-${subject}`, groupId: group.id, schoolOid: plan.oid, subject, teacherId: teacher.id, weeklyLessons };
        courses.push(course);
        const special = plan.specialRooms[subject];
        const classRoomSubject = bundle === 'class' && subject !== 'LI' && subject !== 'KS';
        const rooms =
          special && !classRoomSubject
            ? special
            : level <= 6
              ? [group.homeRoom]
              : [roomOfTeacherSubject.get(`${teacher.id}/${subject}`) ?? teacher.room ?? group.homeRoom];
        let left = weeklyLessons;
        const doubles = DOUBLE_SUBJECTS.has(subject) && (subject !== 'LI' || level >= 5) && (subject !== 'KU' || level >= 7);
        while (left > 0) {
          const size = doubles && left >= 2 ? 2 : 1;
          blocks.push({ course, size, rooms, level });
          left -= size;
        }
      }
    }
  }

  // Form tutors of generated 7–9 groups: the teacher with most lessons in the group, one group each where possible.
  const tutors = new Set(groups.map((g) => g.classTeacherId));
  for (const { group } of generated) {
    if (group.classTeacherId !== '') continue;
    const candidates = courses
      .filter((c) => c.groupId === group.id && !ctx.personaTeachers.has(c.teacherId))
      .sort((a, b) => b.weeklyLessons - a.weeklyLessons || a.id.localeCompare(b.id));
    const tutor = candidates.find((c) => !tutors.has(c.teacherId)) ?? candidates[0];
    if (!tutor) throw new Error(`sandbox.data: no form tutor for ${group.id}`);
    group.classTeacherId = tutor.teacherId;
    tutors.add(tutor.teacherId);
  }
  groups.push(...generated.map((g) => g.group));

  // Placement: retried with a new stream until every block fits (deterministic: attempt n always uses the same stream).
  const busy = new Busy();
  for (const slot of timetable) {
    busy.of(`t:${slot.teacherId}`)[cell(slot.weekday, slot.slot)] = 1;
    busy.of(`r:${slot.room}`)[cell(slot.weekday, slot.slot)] = 1;
  }
  for (let attempt = 0; attempt < 50; attempt++) {
    const placed = place(blocks, busy.clone(), ctx.random.fork(`${plan.oid}/placement/${attempt}`));
    if (placed) {
      for (const p of placed) {
        for (let i = 0; i < p.block.size; i++) {
          timetable.push({
            courseId: p.block.course.id,
            groupId: p.block.course.groupId,
            weekday: p.day,
            slot: p.slot + i,
            room: p.room,
            teacherId: p.block.course.teacherId,
          });
        }
      }
      timetable.sort((a, b) => a.groupId.localeCompare(b.groupId) || a.weekday - b.weekday || a.slot - b.slot);
      return { groups, courses, timetable };
    }
  }
  throw new Error(`sandbox.data: could not place the lessons of school ${code}`);
}

/** Index of a (weekday 1–5, slot) cell in a week of slots. */
function cell(day: number, slot: number): number {
  return (day - 1) * SLOTS.length + slot;
}

/** Who and what is taken when: a week of cells per group (`g:`), teacher (`t:`) and room (`r:`). */
class Busy {
  private readonly weeks = new Map<string, Uint8Array>();

  of(key: string): Uint8Array {
    let week = this.weeks.get(key);
    if (!week) {
      week = new Uint8Array(DAYS.length * SLOTS.length);
      this.weeks.set(key, week);
    }
    return week;
  }

  clone(): Busy {
    const copy = new Busy();
    for (const [key, week] of this.weeks) copy.weeks.set(key, week.slice());
    return copy;
  }
}

/** The weeks a block occupies: its group's, its teacher's and, per candidate room, the room's. */
interface BlockWeeks {
  group: Uint8Array;
  teacher: Uint8Array;
  rooms: readonly (readonly [name: string, week: Uint8Array])[];
}

function weeksOf(block: Block, busy: Busy): BlockWeeks {
  return {
    group: busy.of(`g:${block.course.groupId}`),
    teacher: busy.of(`t:${block.course.teacherId}`),
    rooms: block.rooms.map((r) => [r, busy.of(`r:${r}`)] as const),
  };
}

/** The first candidate room free with the group and the teacher for the block at (day, slot), if any. */
function freeRoom(weeks: BlockWeeks, size: number, day: number, slot: number): readonly [string, Uint8Array] | undefined {
  const at = cell(day, slot);
  for (let i = 0; i < size; i++) if (weeks.group[at + i] || weeks.teacher[at + i]) return undefined;
  return weeks.rooms.find(([, room]) => {
    for (let i = 0; i < size; i++) if (room[at + i]) return false;
    return true;
  });
}

function mark(weeks: BlockWeeks, room: Uint8Array, size: number, day: number, slot: number, value: 0 | 1): void {
  const at = cell(day, slot);
  for (let i = 0; i < size; i++) {
    weeks.group[at + i] = value;
    weeks.teacher[at + i] = value;
    room[at + i] = value;
  }
}

/** Greedy placement, most constrained blocks first, then a pass that closes gaps; undefined when stuck. */
function place(blocks: readonly Block[], busy: Busy, random: Random): Placed[] | undefined {
  const order = [
    ...random.shuffle(blocks.filter((b) => b.size === 2)),
    ...random.shuffle(blocks.filter((b) => b.size === 1 && b.rooms.length > 1)),
    ...random.shuffle(blocks.filter((b) => b.size === 1 && b.rooms.length === 1)),
  ];
  const perDay = new Map<string, number>();
  const subjectDay = new Set<string>();
  const placed: Placed[] = [];
  for (const block of order) {
    const { lastSlot, perDay: maxPerDay } = dayShape(block.level);
    const weeks = weeksOf(block, busy);
    let best: { day: number; slot: number; room: readonly [string, Uint8Array]; score: number } | undefined;
    for (const day of DAYS) {
      const count = perDay.get(`${block.course.groupId}@${day}`) ?? 0;
      if (count + block.size > maxPerDay) continue;
      const sameSubject = subjectDay.has(`${block.course.id}@${day}`);
      for (let slot = 0; slot + block.size - 1 <= lastSlot; slot++) {
        const room = freeRoom(weeks, block.size, day, slot);
        if (room === undefined) continue;
        const score = slot * 2 + (sameSubject ? 9 : 0) + count * 0.7 + random.next();
        if (!best || score < best.score) best = { day, slot, room, score };
      }
    }
    if (!best) return undefined;
    mark(weeks, best.room[1], block.size, best.day, best.slot, 1);
    perDay.set(`${block.course.groupId}@${best.day}`, (perDay.get(`${block.course.groupId}@${best.day}`) ?? 0) + block.size);
    subjectDay.add(`${block.course.id}@${best.day}`);
    placed.push({ block, day: best.day, slot: best.slot, room: best.room[0] });
  }
  closeGaps(placed, busy);
  return placed;
}

/** Moves single lessons to the earliest slot of the same day where group, teacher and a room are free. */
function closeGaps(placed: Placed[], busy: Busy): void {
  let moved = true;
  while (moved) {
    moved = false;
    for (const p of placed) {
      if (p.block.size !== 1) continue;
      const weeks = weeksOf(p.block, busy);
      for (let slot = 0; slot < p.slot; slot++) {
        const room = freeRoom(weeks, 1, p.day, slot);
        if (room === undefined) continue;
        mark(weeks, busy.of(`r:${p.room}`), 1, p.day, p.slot, 0);
        mark(weeks, room[1], 1, p.day, slot, 1);
        p.slot = slot;
        p.room = room[0];
        moved = true;
        break;
      }
    }
  }
}
