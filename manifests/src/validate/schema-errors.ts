/**
 * Turns Ajv's errors into {@link ValidationIssue}s a person can act on: the pointer of the field itself (the missing
 * or unknown property, the duplicate item), a plain reason, and a hint when a near miss or a simple fix is found.
 * Our schemas put the plain reason for a failed pattern next to the pattern, in an `x-reason` annotation.
 */
import type { ErrorObject } from 'ajv/dist/2020.js';
import { didYouMean } from './hints.ts';
import { pointerOf, type ValidationIssue } from './issues.ts';

export type SchemaIssue = Pick<ValidationIssue, 'pointer' | 'reason' | 'hint'>;

function field(source: unknown, key: string): unknown {
  return typeof source === 'object' && source !== null ? (source as Record<string, unknown>)[key] : undefined;
}

function quote(value: unknown): string {
  if (value === '') return 'an empty string';
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return `\`${text.length > 60 ? `${text.slice(0, 57)}...` : text}\``;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Number.isInteger(value)) return 'an integer';
  const t = typeof value;
  return t === 'object' ? 'an object' : `a ${t}`;
}

const ARTICLE: Readonly<Record<string, string>> = {
  object: 'an object',
  array: 'an array',
  integer: 'an integer',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  null: 'null',
};

/** Simple fixes worth suggesting for a string that fails a pattern, in order of likelihood. */
function patternFix(value: string, pattern: string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  const fixes = [
    value.trim(),
    value.toLowerCase(),
    value.trim().toLowerCase(),
    value.replace(/^http:\/\//, 'https://'),
    value.replaceAll('-', '_'),
    value.replaceAll('_', '-'),
  ];
  const fix = fixes.find((candidate) => candidate !== value && re.test(candidate));
  return fix === undefined ? undefined : `did you mean \`${fix}\`?`;
}

function reasonAnnotation(schema: unknown): string | undefined {
  const reason = field(schema, 'x-reason');
  return typeof reason === 'string' ? reason : undefined;
}

/** One issue for one Ajv error, or undefined for errors that only echo others (`if`). */
export function describeSchemaError(error: ErrorObject, base = ''): SchemaIssue | undefined {
  // An error inside `propertyNames` is about a key: point at the member it names.
  const at = error.propertyName === undefined ? base + error.instancePath : pointerOf(base + error.instancePath, error.propertyName);
  const params: Record<string, unknown> = error.params;
  const data: unknown = error.data;
  const annotated = reasonAnnotation(error.parentSchema);
  switch (error.keyword) {
    case 'if':
    case 'propertyNames':
      return undefined;
    case 'required': {
      const name = String(params['missingProperty']);
      return { pointer: pointerOf(at, name), reason: `\`${name}\` is missing${annotated ? `: ${annotated}` : ''}` };
    }
    case 'dependentRequired': {
      const name = String(params['missingProperty']);
      return { pointer: pointerOf(at, name), reason: `\`${name}\` is missing: \`${String(params['property'])}\` needs it beside it` };
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const allowed = Object.keys((field(error.parentSchema, 'properties') as object | undefined) ?? {});
      const hint =
        didYouMean(name, allowed) ??
        (allowed.length > 0 ? `allowed here: ${allowed.map((a) => `\`${a}\``).join(', ')}` : 'no other properties are allowed here');
      return { pointer: pointerOf(at, name), reason: `unknown property \`${name}\``, hint };
    }
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? (params['allowedValues'] as unknown[]) : [];
      const hint = typeof data === 'string' ? didYouMean(data, allowed.map(String)) : undefined;
      return {
        pointer: at,
        reason: `must be one of ${allowed.map(quote).join(', ')}; got ${quote(data)}`,
        ...(hint ? { hint } : {}),
      };
    }
    case 'const':
      return { pointer: at, reason: `must be ${quote(params['allowedValue'])}; got ${quote(data)}` };
    case 'type': {
      const wanted = String(params['type'])
        .split(',')
        .map((t) => ARTICLE[t] ?? t)
        .join(' or ');
      return { pointer: at, reason: `must be ${wanted}; got ${typeName(data)}` };
    }
    case 'pattern':
    case 'format': {
      const reason = annotated ?? (error.keyword === 'format' ? `must be a valid ${String(params['format'])}` : `must match ${String(params['pattern'])}`);
      const hint = error.keyword === 'pattern' && typeof data === 'string' ? patternFix(data, String(params['pattern'])) : undefined;
      return { pointer: at, reason: `${reason}; got ${quote(data)}`, ...(hint ? { hint } : {}) };
    }
    case 'minLength':
      return { pointer: at, reason: params['limit'] === 1 ? 'must not be empty' : `must be at least ${String(params['limit'])} characters long` };
    case 'maxLength':
      return { pointer: at, reason: `must be at most ${String(params['limit'])} characters long; it has ${typeof data === 'string' ? data.length : '?'}` };
    case 'minItems':
      return { pointer: at, reason: params['limit'] === 1 ? 'must list at least one item' : `must list at least ${String(params['limit'])} items` };
    case 'maxItems':
      return { pointer: at, reason: `must list at most ${String(params['limit'])} items` };
    case 'uniqueItems': {
      const later = Number(params['i']);
      const earlier = Number(params['j']);
      const item = Array.isArray(data) ? (data as unknown[])[later] : undefined;
      return {
        pointer: pointerOf(at, later),
        reason: `${quote(item)} is listed twice (also at ${pointerOf(at, earlier)})`,
        hint: 'remove the repeated item',
      };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { pointer: at, reason: `${String(params['comparison'])} ${String(params['limit'])} is required; got ${quote(data)}` };
    case 'not':
    case 'false schema':
      return { pointer: at, reason: annotated ?? 'is not allowed here' };
    default:
      return { pointer: at, reason: error.message ?? `fails ${error.keyword}` };
  }
}

const COMBINATORS: ReadonlySet<string> = new Set(['anyOf', 'oneOf']);

const within = (pointer: string, parent: string): boolean => pointer === parent || pointer.startsWith(`${parent}/`);

/**
 * Issues for a list of Ajv errors, without duplicates (a URL can fail both its pattern and its format).
 * A failed anyOf/oneOf becomes one issue, "a, or b", from its branches' errors: Ajv reports those right before the
 * combinator's own error (their schema paths do not show it when a branch is a $ref).
 */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined, base = ''): SchemaIssue[] {
  const all = errors ?? [];
  const branches = new Map<ErrorObject, ErrorObject[]>();
  const claimed = new Set<ErrorObject>();
  all.forEach((error, i) => {
    if (!COMBINATORS.has(error.keyword)) return;
    const own: ErrorObject[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const previous = all[j];
      if (!previous || claimed.has(previous) || !within(previous.instancePath, error.instancePath)) break;
      own.unshift(previous);
      claimed.add(previous);
    }
    branches.set(error, own);
  });

  const seen = new Set<string>();
  const issues: SchemaIssue[] = [];
  const add = (issue: SchemaIssue): void => {
    const key = `${issue.pointer}\n${issue.reason.replace(/; got .*$/, '')}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(issue);
  };
  for (const error of all) {
    if (claimed.has(error)) continue;
    const own = branches.get(error);
    if (!own) {
      const issue = describeSchemaError(error, base);
      if (issue) add(issue);
      continue;
    }
    const described = own.map((e) => describeSchemaError(e, base)).filter((b): b is SchemaIssue => b !== undefined);
    const reasons = [...new Set(described.map((b) => b.reason))];
    const hint = described.find((b) => b.hint)?.hint;
    add({
      pointer: base + error.instancePath,
      reason: reasons.length > 0 ? reasons.join(', or ') : (error.message ?? `fails ${error.keyword}`),
      ...(hint ? { hint } : {}),
    });
  }
  return issues;
}
