/**
 * Dated lessons: the weekly timetable of every group of the data set (hand-written and generated), repeated on the
 * school days of the calendar.
 */
import type { ScheduleEvent } from '../../../sdk/src/api-types.ts';
import { addDays, daysBetween, helsinkiDateTime, isSchoolDay, isoWeekday, toIsoDate } from './calendar.ts';
import { getDataset, type Dataset } from './dataset.ts';
import type { Lesson, TimetableSlot } from './model.ts';
import { SUBJECTS } from './subjects.ts';
import { SLOTS } from './timetable-templates.ts';

export { SLOTS, TIMETABLES, templateLessons, type GroupTimetable, type TemplateLesson } from './timetable-templates.ts';

/** Which template lessons a schedule asks for. */
export type LessonFilter =
  | { kind: 'group'; schoolOid: string; group: string }
  | { kind: 'teacher'; teacherId: string; schoolOids: readonly string[] };

function matches(slot: TimetableSlot, filter: LessonFilter, data: Dataset): boolean {
  const group = data.groupById.get(slot.groupId);
  if (!group) return false;
  if (filter.kind === 'group') return group.schoolOid === filter.schoolOid && group.name === filter.group;
  return slot.teacherId === filter.teacherId && filter.schoolOids.includes(group.schoolOid);
}

/**
 * The lessons between two dates (both inclusive) on school days, generated from the weekly timetables, ordered by
 * start time then group. Ids are stable: the same lesson has the same id on every call.
 */
export function lessonsOf(from: Date, to: Date, filter: LessonFilter): Lesson[] {
  const data = getDataset();
  const template = data.timetable.filter((slot) => matches(slot, filter, data));
  if (template.length === 0) return [];
  const lessons: Lesson[] = [];
  const days = daysBetween(from, to);
  for (let i = 0; i <= days; i++) {
    const date = addDays(from, i);
    if (!isSchoolDay(date)) continue;
    const weekday = isoWeekday(date);
    const iso = toIsoDate(date);
    for (const slot of template) {
      if (slot.weekday !== weekday) continue;
      const group = data.groupById.get(slot.groupId);
      const school = group === undefined ? undefined : data.schoolByOid.get(group.schoolOid);
      if (!group || !school) continue;
      const [start, end] = SLOTS[slot.slot] ?? ['00:00', '00:00'];
      lessons.push({
        id: `lesson-${school.code}-${group.name}-${iso}-${slot.slot + 1}`,
        courseId: slot.courseId,
        groupId: slot.groupId,
        date: iso,
        slot: slot.slot,
        start: helsinkiDateTime(date, start),
        end: helsinkiDateTime(date, end),
        room: slot.room,
        teacherId: slot.teacherId,
      });
    }
  }
  const groupName = (l: Lesson): string => data.groupById.get(l.groupId)?.name ?? '';
  return lessons.sort((a, b) => a.start.localeCompare(b.start) || groupName(a).localeCompare(groupName(b)));
}

/** {@link lessonsOf} as the platform API's schedule events (subject names in fi/sv/en, the teacher's name). */
export function lessonsBetween(from: Date, to: Date, filter: LessonFilter): ScheduleEvent[] {
  const data = getDataset();
  return lessonsOf(from, to, filter).map((lesson) => {
    const course = data.courseById.get(lesson.courseId);
    const group = data.groupById.get(lesson.groupId);
    const staff = data.staffById.get(lesson.teacherId);
    const teacher = staff === undefined ? undefined : data.personByOid.get(staff.personOid);
    if (!course || !group || !teacher) throw new Error(`sandbox.data: lesson ${lesson.id} dangles`);
    const subject = SUBJECTS[course.subject];
    return {
      id: lesson.id,
      start: lesson.start,
      end: lesson.end,
      subject: { code: subject.code, name: { ...subject.name } },
      group: group.name,
      room: lesson.room,
      teacher: `${teacher.givenName} ${teacher.familyName}`,
    };
  });
}
