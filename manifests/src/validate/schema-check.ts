/** The Ajv instances: one for our schemas, one for the config schemas vendors write. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Dashboard } from '../generated/dashboard.v1.ts';
import type { Tenant } from '../generated/tenant.v1.ts';
import type { TenantPolicy } from '../generated/tenant-policy.v1.ts';
import type { WidgetManifest } from '../generated/widget-manifest.v1.ts';
import { SCHEMAS, loadSchemas, type DocumentKind } from '../schemas.ts';

/** The type each kind of document has once its schema accepts it. */
export interface DocumentTypes {
  widget: WidgetManifest;
  dashboard: Dashboard;
  tenant: Tenant;
  policy: TenantPolicy;
}

export type Validators = { [K in DocumentKind]: ValidateFunction<DocumentTypes[K]> };

let validators: Promise<Validators> | undefined;

/** Compiled validators of our schemas, built once per process. */
export function schemaValidators(): Promise<Validators> {
  validators ??= (async () => {
    const schemas = await loadSchemas();
    // strictRequired misreads a `then: { required }` whose properties are declared at the root.
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    addFormats(ajv);
    // Annotation only: the plain reason the validator prints when a value fails the schema beside it.
    ajv.addKeyword({ keyword: 'x-reason', schemaType: 'string' });
    // Annotation only: the TypeScript type the code generator writes for a schema it cannot express (if/then/else).
    ajv.addKeyword({ keyword: 'tsType', schemaType: 'string' });
    for (const schema of Object.values(schemas)) ajv.addSchema(schema);
    const get = <K extends DocumentKind>(kind: K): ValidateFunction<DocumentTypes[K]> => {
      const validate = ajv.getSchema<DocumentTypes[K]>(SCHEMAS[kind].id);
      if (!validate) throw new Error(`schema ${SCHEMAS[kind].id} did not compile`);
      return validate;
    };
    return { widget: get('widget'), dashboard: get('dashboard'), tenant: get('tenant'), policy: get('policy') };
  })();
  return validators;
}

/**
 * A fresh Ajv for one vendor's config schema: never fetches, never keeps the schema's `$id` (two widgets may use
 * the same one), and refuses unknown keywords so that a typo in a config schema does not silently allow anything.
 */
export function configAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    verbose: true,
    strictSchema: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    addUsedSchema: false,
  });
  addFormats(ajv);
  // A field's label and help in the admin's generated settings form, in every platform locale (the plain `title`
  // and `description` have one language). Annotations only: they constrain no config value.
  const localized = {
    type: 'object',
    additionalProperties: false,
    required: ['fi', 'sv', 'en'],
    properties: Object.fromEntries(['fi', 'sv', 'en'].map((locale) => [locale, { type: 'string', minLength: 1 }])),
  };
  for (const keyword of ['x-title', 'x-description']) ajv.addKeyword({ keyword, metaSchema: localized });
  return ajv;
}
