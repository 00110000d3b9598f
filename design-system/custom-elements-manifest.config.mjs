import { readFileSync } from 'node:fs';

/** `npm run cem -w @digione/design-system` writes custom-elements.json from the components' class docs. */
export default {
  globs: [
    'src/components/**/*.component.ts',
    'src/internal/form-control.ts',
    'src/internal/value-control.ts',
    'src/internal/text-control.ts',
    'src/internal/toggle-control.ts',
    'src/internal/choice-control.ts',
    'src/events/*.ts',
  ],
  exclude: ['**/*.test.ts'],
  outdir: '.',
  litelement: true,
  // globby lists files in no fixed order: sort, so that the manifest (and its staleness check) is deterministic.
  overrideModuleCreation: ({ ts, globs }) =>
    [...globs]
      .sort()
      .map((glob) =>
        ts.createSourceFile(glob, readFileSync(new URL(glob, import.meta.url), 'utf8'), ts.ScriptTarget.ES2015, true),
      ),
};
