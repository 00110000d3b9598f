/**
 * The composer's model, free of the DOM: which widgets a tenant may place for a role, edits of a layout (add, move,
 * resize, remove), and the per-instance config form read from a widget manifest's `config` JSON Schema, with the
 * schema's own constraints checked in the browser.
 *
 * Why not the registry's validator (Ajv) here: Ajv compiles every schema to a function with `new Function`, which the
 * shell's Content Security Policy forbids (no `unsafe-eval`). The composer checks the constraints its form can express
 * (type, enum, minimum/maximum, length, pattern, required) and the registry validates every draft with Ajv on save
 * anyway, so a constraint the form does not know still comes back, named by field, as a 422 issue.
 */
import type { Locale, Role } from '@digione/sdk';
import type { DashboardInstance, DashboardRemoval, TenantPolicy, WidgetManifest, WidgetSize } from '@digione/manifests/types';
import { satisfies } from '../../runtime/semver.js';

/** The sizes in the order the dashboard grid widens them (design-system d1-grid: s, m, l). */
export const SIZES: readonly WidgetSize[] = ['s', 'm', 'l'];

/** How far into the page each integration level lets a widget kind run (manifests/README.md "Tenant policy"). */
const ALLOWED_KINDS: Record<string, readonly string[]> = {
  module: ['module', 'iframe', 'link'],
  iframe: ['iframe', 'link'],
  link: ['link'],
};

/**
 * The widgets an admin may add to `role`'s dashboard: in the catalogue, approved by the tenant's policy for the
 * catalogue's version and kind, and made for `role`. The registry's validator refuses a draft with any other widget.
 */
export function placeableWidgets(catalogue: readonly WidgetManifest[], policy: TenantPolicy, role: Role): WidgetManifest[] {
  return catalogue.filter((widget) => {
    const approval = policy.widgets[widget.id];
    if (!approval) return false;
    return (
      satisfies(widget.version, approval.versions) &&
      (ALLOWED_KINDS[approval.integration] ?? []).includes(widget.kind) &&
      widget.roles.includes(role)
    );
  });
}

/** Whether a layout entry is a school dashboard's removal of a tenant instance (kept as it is, never shown). */
export function isRemoval(entry: DashboardInstance | DashboardRemoval): entry is DashboardRemoval {
  return 'remove' in entry;
}

/**
 * A new instance id for `widget`, unique in `taken`: the widget's name part (`bulletin` for `lumo.bulletin`), then
 * `bulletin-2`, `bulletin-3`… It fits the dashboard schema's pattern (lowercase, starting with a letter, ≤ 32).
 */
export function newInstanceId(widget: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const name = (widget.split('.')[1] ?? widget).replace(/[^a-z0-9-]/g, '-').replace(/^[^a-z]+/, '').slice(0, 24) || 'widget';
  if (!used.has(name)) return name;
  for (let n = 2; ; n++) {
    const candidate = `${name}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}

/** The sizes `widget` offers, in grid order. */
export function sizesOf(widget: WidgetManifest | undefined): WidgetSize[] {
  return SIZES.filter((size) => widget?.sizes.includes(size) ?? false);
}

/** The config a new instance starts with: every property's `default` from the widget's config schema. */
export function defaultConfig(widget: WidgetManifest): Record<string, unknown> | undefined {
  const fields = configFields(widget);
  const config = Object.fromEntries(fields.flatMap((f) => (f.kind !== 'unsupported' && f.default !== undefined ? [[f.name, f.default]] : [])));
  return Object.keys(config).length > 0 ? config : undefined;
}

/** `items` with the item at `from` moved to `to` (both clamped into the list). */
export function moved<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  if (item === undefined) return next;
  next.splice(Math.max(0, Math.min(to, next.length)), 0, item);
  return next;
}

/** A JSON Schema of one config property, as far as the form reads it. */
interface PropertySchema {
  type?: unknown;
  enum?: unknown;
  const?: unknown;
  default?: unknown;
  title?: unknown;
  description?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
  multipleOf?: unknown;
  minLength?: unknown;
  maxLength?: unknown;
  pattern?: unknown;
  format?: unknown;
  [keyword: string]: unknown;
}

interface FieldBase {
  /** The property name: the key in the instance's config. */
  name: string;
  /** The schema's `x-title` in the locale, else its `title`, else the property name. */
  label: string;
  /** The schema's `description`. */
  description?: string;
  required: boolean;
}

/** One control of the generated config form. */
export type ConfigField =
  | (FieldBase & { kind: 'choice'; options: (string | number)[]; default?: string | number })
  | (FieldBase & { kind: 'text'; minLength?: number; maxLength?: number; pattern?: string; default?: string })
  | (FieldBase & { kind: 'number'; integer: boolean; minimum?: number; maximum?: number; default?: number })
  | (FieldBase & { kind: 'boolean'; default?: boolean })
  /** A property the form cannot edit (an object, an array, a union…): shown read-only, kept as it is. */
  | (FieldBase & { kind: 'unsupported'; default?: undefined });

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Keywords a field may carry beyond those its kind reads: they say nothing the form would have to enforce. */
const ANNOTATIONS = new Set(['type', 'title', 'description', 'x-title', 'x-description', 'default', 'examples', '$comment', 'deprecated', 'readOnly', 'writeOnly']);

/** A localized annotation (`x-title`, `x-description`: `{ fi, sv, en }`, checked by the registry) in `locale`. */
function localized(value: unknown, locale: Locale | undefined): string | undefined {
  return locale && typeof value === 'object' && value !== null ? str((value as Record<string, unknown>)[locale]) : undefined;
}

function field(name: string, schema: PropertySchema, required: boolean, locale: Locale | undefined): ConfigField {
  const description = localized(schema['x-description'], locale) ?? str(schema.description);
  const base: FieldBase = {
    name,
    label: localized(schema['x-title'], locale) ?? str(schema.title) ?? name,
    ...(description ? { description } : {}),
    required,
  };
  const known = (extra: string[]) => Object.keys(schema).every((keyword) => ANNOTATIONS.has(keyword) || extra.includes(keyword));
  const options = Array.isArray(schema.enum) ? schema.enum : undefined;
  if (options && options.every((o) => typeof o === 'string' || typeof o === 'number') && known(['enum'])) {
    const fallback = options.find((o) => o === schema.default) as string | number | undefined;
    return { ...base, kind: 'choice', options: options as (string | number)[], ...(fallback !== undefined ? { default: fallback } : {}) };
  }
  if (schema.type === 'string' && known(['minLength', 'maxLength', 'pattern'])) {
    const pattern = str(schema.pattern);
    return {
      ...base,
      kind: 'text',
      ...(num(schema.minLength) !== undefined ? { minLength: num(schema.minLength)! } : {}),
      ...(num(schema.maxLength) !== undefined ? { maxLength: num(schema.maxLength)! } : {}),
      ...(pattern !== undefined ? { pattern } : {}),
      ...(str(schema.default) !== undefined ? { default: str(schema.default)! } : {}),
    };
  }
  if ((schema.type === 'integer' || schema.type === 'number') && known(['minimum', 'maximum'])) {
    return {
      ...base,
      kind: 'number',
      integer: schema.type === 'integer',
      ...(num(schema.minimum) !== undefined ? { minimum: num(schema.minimum)! } : {}),
      ...(num(schema.maximum) !== undefined ? { maximum: num(schema.maximum)! } : {}),
      ...(num(schema.default) !== undefined ? { default: num(schema.default)! } : {}),
    };
  }
  if (schema.type === 'boolean' && known([])) {
    return { ...base, kind: 'boolean', ...(typeof schema.default === 'boolean' ? { default: schema.default } : {}) };
  }
  return { ...base, kind: 'unsupported' };
}

/**
 * The form of `widget`'s config schema: one field per property, in the schema's order, labelled in `locale` where the
 * schema gives `x-title` / `x-description`.
 */
export function configFields(widget: WidgetManifest | undefined, locale?: Locale): ConfigField[] {
  const schema = widget?.config as { properties?: Record<string, PropertySchema>; required?: unknown } | undefined;
  if (!schema?.properties) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === 'string') : []);
  return Object.entries(schema.properties).map(([name, property]) =>
    field(name, typeof property === 'object' && property !== null ? property : {}, required.has(name), locale),
  );
}

/** Why a field's value is refused, as a message key of composer/strings.ts and its values. */
export interface FieldError {
  key: 'required' | 'notInteger' | 'notNumber' | 'belowMinimum' | 'aboveMaximum' | 'tooShort' | 'tooLong' | 'pattern' | 'notAllowed';
  vars?: Record<string, string | number>;
}

/**
 * The form's value of a field as the config holds it: text stays text; a number field's text becomes a number when it
 * is one (otherwise the text is kept, and {@link checkField} refuses it).
 */
export function parseFieldValue(field: ConfigField, text: string): unknown {
  if (field.kind === 'number') {
    const trimmed = text.trim();
    if (trimmed === '') return undefined;
    const value = Number(trimmed.replace(',', '.'));
    return Number.isFinite(value) ? value : text;
  }
  if (field.kind === 'choice') {
    if (text === '') return undefined;
    return field.options.find((option) => String(option) === text) ?? text;
  }
  if (field.kind === 'text') return text === '' && !field.required ? undefined : text;
  return text;
}

/** The first constraint of `field` that `value` (undefined: not set) breaks, or undefined when it is valid. */
export function checkField(field: ConfigField, value: unknown): FieldError | undefined {
  if (value === undefined) return field.required ? { key: 'required' } : undefined;
  switch (field.kind) {
    case 'number': {
      if (typeof value !== 'number') return { key: field.integer ? 'notInteger' : 'notNumber' };
      if (field.integer && !Number.isInteger(value)) return { key: 'notInteger' };
      if (field.minimum !== undefined && value < field.minimum) return { key: 'belowMinimum', vars: { min: field.minimum } };
      if (field.maximum !== undefined && value > field.maximum) return { key: 'aboveMaximum', vars: { max: field.maximum } };
      return undefined;
    }
    case 'text': {
      if (typeof value !== 'string') return { key: 'notAllowed' };
      const length = [...value].length;
      if (field.minLength !== undefined && length < field.minLength) return { key: 'tooShort', vars: { min: field.minLength } };
      if (field.maxLength !== undefined && length > field.maxLength) return { key: 'tooLong', vars: { max: field.maxLength } };
      if (field.pattern !== undefined && !new RegExp(field.pattern, 'u').test(value)) return { key: 'pattern' };
      return undefined;
    }
    case 'choice':
      return field.options.includes(value as string | number) ? undefined : { key: 'notAllowed' };
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { key: 'notAllowed' };
    default:
      return undefined;
  }
}
