/**
 * Fails when custom-elements.json is not what the analyzer makes of the components' class docs today: run
 * `npm run cem -w @digione/design-system` and commit the result.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

test('custom-elements.json is up to date (npm run cem -w @digione/design-system)', async () => {
  const fresh = await cli({
    argv: ['analyze', '--config', 'custom-elements-manifest.config.mjs', '--quiet'],
    cwd: packageDir,
    noWrite: true,
  });
  const checkedIn: unknown = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8'));
  assert.deepEqual(checkedIn, JSON.parse(JSON.stringify(fresh)));
});

test('custom-elements.json documents every tag with a summary, and events by name', () => {
  const manifest = JSON.parse(readFileSync(new URL('../custom-elements.json', import.meta.url), 'utf8')) as {
    modules: { declarations?: { tagName?: string; summary?: string; events?: { name?: string }[] }[] }[];
  };
  const elements = manifest.modules.flatMap((module) => module.declarations ?? []).filter((d) => d.tagName);
  assert.ok(elements.length >= 19, `only ${elements.length} elements in the manifest`);
  for (const element of elements) {
    assert.ok(element.tagName?.startsWith('d1-'), `${element.tagName} lacks the d1- prefix`);
    assert.ok(element.summary, `${element.tagName} has no @summary`);
    for (const event of element.events ?? []) assert.ok(event.name, `${element.tagName} has an event without a name`);
  }
});
