import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, editDistance } from './hints.ts';

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('roles', 'roles'), 0);
  assert.equal(editDistance('role', 'roles'), 1);
  assert.equal(editDistance('roels', 'roles'), 1);
  assert.equal(editDistance('kajo.shedule', 'kajo.schedule'), 1);
  assert.equal(editDistance('', 'abc'), 3);
});

test('closest suggests typos, case slips and shortenings, and nothing far-fetched', () => {
  assert.equal(closest('role', ['id', 'roles', 'sizes']), 'roles');
  assert.equal(closest('Roles', ['roles']), 'roles');
  assert.equal(closest('bool', ['boolean', 'string']), 'boolean');
  assert.equal(closest('colour', ['roles', 'sizes', 'scopes']), undefined);
  assert.equal(closest('x', ['s', 'm', 'l']), 's');
  assert.equal(closest('roles', ['roles']), undefined, 'an exact match needs no hint');
});
