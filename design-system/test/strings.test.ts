/**
 * Language completeness: every string table under src/ (and the gallery's) has non-empty fi, sv and en for every key, the same
 * `{placeholders}` in each, and no Finnish or Swedish string left equal to its English source (a forgotten
 * translation), except the entries in `sameAsEnglish`.
 */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { LOCALES, type StringTable } from '../src/i18n.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** `table.key.locale` entries that may equal English: names and words the languages share. */
const sameAsEnglish = new Set<string>([]);

/** The components' tables (src/) and the gallery's (gallery/). */
const files = ['src', 'gallery']
  .flatMap((dir) => readdirSync(join(packageDir, dir), { recursive: true }).map((file) => join(dir, String(file))))
  .filter((file) => file.endsWith('.strings.ts') && !file.includes('dist'))
  .sort();

function isTable(value: unknown): value is StringTable<Record<string, string>> {
  return typeof value === 'object' && value !== null && LOCALES.every((locale) => locale in value);
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1] ?? '').sort();
}

test('string tables exist', () => {
  assert.ok(files.length >= 10, `only ${files.length} *.strings.ts files under src/`);
});

for (const file of files) {
  test(`${file}: fi, sv and en are complete and translated`, async () => {
    const module = (await import(pathToFileURL(join(packageDir, file)).href)) as Record<string, unknown>;
    const tables = Object.entries(module).filter((entry): entry is [string, StringTable<Record<string, string>>] =>
      isTable(entry[1]),
    );
    assert.ok(tables.length > 0, `${file} exports no string table`);
    for (const [name, table] of tables) {
      for (const [key, english] of Object.entries(table.en)) {
        assert.ok(english.trim(), `${name}.${key}.en is empty`);
        for (const locale of ['fi', 'sv'] as const) {
          const text = (table[locale] as Record<string, string | undefined>)[key];
          assert.ok(text?.trim(), `${name}.${key}.${locale} is missing or empty`);
          if (text === undefined) continue;
          assert.deepEqual(placeholders(text), placeholders(english), `${name}.${key}.${locale} has other placeholders`);
          if (!sameAsEnglish.has(`${name}.${key}.${locale}`)) {
            assert.notEqual(text, english, `${name}.${key}.${locale} is still English ("${english}")`);
          }
        }
      }
      for (const locale of ['fi', 'sv'] as const) {
        const extra = Object.keys(table[locale]).filter((key) => !(key in table.en));
        assert.deepEqual(extra, [], `${name}.${locale} has keys English lacks`);
      }
    }
  });
}
