/**
 * Shapes of the platform API answers the widgets read (see docs/platform.md).
 *
 * @packageDocumentation
 */

/** A text in each platform locale. */
export type LocalizedText = Record<'fi' | 'sv' | 'en', string>;

/** One lesson or other scheduled event. */
export interface ScheduleEvent {
  id: string;
  /** ISO 8601 date-time with offset, Europe/Helsinki. */
  start: string;
  /** ISO 8601 date-time with offset, Europe/Helsinki. */
  end: string;
  subject: {
    /** KOSKI oppiaineet code, e.g. `MA`, `AI`, `KE`. */
    code: string;
    name: LocalizedText;
  };
  /** Teaching group name, e.g. `7A`. */
  group: string;
  room: string;
  /** Teacher's display name. */
  teacher: string;
}

/** A message thread, as listed in an inbox. */
export interface MessageThread {
  id: string;
  subject: string;
  /** Display name of the sender of the latest message. */
  from: string;
  /** ISO 8601 date-time. */
  lastMessageAt: string;
  unread: boolean;
  /** The beginning of the latest message, as plain text. */
  preview: string;
}

/** A school announcement. */
export interface BulletinItem {
  id: string;
  /** The school that published it. */
  school: string;
  title: string;
  body: string;
  /** Language the school wrote it in. */
  lang: 'fi' | 'sv' | 'en';
  /** ISO 8601 date-time. */
  publishedAt: string;
}

/** Answer of `GET /v1/schedule`. */
export interface ScheduleResponse {
  events: ScheduleEvent[];
}

/** Answer of `GET /v1/messages`. */
export interface MessagesResponse {
  threads: MessageThread[];
}

/** Answer of `GET /v1/bulletin`. */
export interface BulletinResponse {
  items: BulletinItem[];
}

/** An RFC 9457 problem document, the one error format of every DigiOne server. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
}
