import { ProblemError } from './problems.ts';

/** The page size when a list operation's `limit` is not given (the document's default). */
export const DEFAULT_PAGE_SIZE = 50;
/** The largest page the API answers (the document's `maximum`, enforced by validation before this). */
export const MAX_PAGE_SIZE = 100;

/** One page of a list: the API's `{ items, nextCursor }`. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Cursors are opaque to clients: the offset into the (deterministically ordered) list, base64url-encoded with a
 * prefix, so that a hand-made or foreign value is refused rather than read.
 */
function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^o:(0|[1-9][0-9]{0,8})$/.exec(text);
  if (!match?.[1]) throw new ProblemError('bad-request', 'cursor is not one this API gave out; pass nextCursor unchanged.');
  return Number(match[1]);
}

/**
 * The page of `items` that `cursor` starts and `limit` bounds. Without `limit` and with `whole` the whole list is
 * one page (the three original list operations, whose clients expect every item).
 */
export function paginate<T>(
  items: readonly T[],
  limit: number | undefined,
  cursor: string | undefined,
  options: { whole?: boolean } = {},
): Page<T> {
  const offset = cursor === undefined ? 0 : decodeCursor(cursor);
  if (limit === undefined && options.whole) return { items: items.slice(offset) };
  const size = Math.min(Math.max(limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);
  const end = offset + size;
  const page = items.slice(offset, end);
  return end < items.length ? { items: page, nextCursor: encodeCursor(end) } : { items: page };
}
