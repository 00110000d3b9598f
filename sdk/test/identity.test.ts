import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLAIM, toPlatformUser, parseMpassRole, type TenantConfig } from '../src/identity.ts';

const tenants: TenantConfig[] = [
  { id: 'vantaa', providerOid: '1.2.246.562.99.00000000001', name: { fi: 'Vantaa', sv: 'Vanda', en: 'Vantaa' }, admins: ['adm-1'] },
  { id: 'espoo', providerOid: '1.2.246.562.99.00000000002', name: { fi: 'Espoo', sv: 'Esbo', en: 'Espoo' }, admins: [] },
];
const V = '1.2.246.562.99.00000000001';
const SCHOOL = '1.2.246.562.99.00000000101';

test('an MPASSid learner role becomes a pupil in the tenant of its provider OID', () => {
  const user = toPlatformUser(
    {
      sub: 's1',
      given_name: 'Aino',
      family_name: 'Testinen',
      [CLAIM.learnerOid]: '1.2.246.562.98.00000000001',
      [CLAIM.schoolInfo]: ['99001;Testilän koulu', `${SCHOOL};Testilän koulu`],
      [CLAIM.role]: [`${V};99001;7A;Oppilas;1;${SCHOOL};`],
    },
    tenants,
  );
  assert.deepEqual(user.roleNames, ['pupil']);
  assert.deepEqual(user.tenants, ['vantaa']);
  assert.equal(user.displayName, 'Aino Testinen');
  assert.equal(user.learnerOid, '1.2.246.562.98.00000000001');
  assert.deepEqual(user.schools, [{ oid: SCHOOL, code: '99001', name: 'Testilän koulu', tenant: 'vantaa' }]);
  assert.deepEqual(user.roles[0]?.groups, ['7A']);
});

test('role codes 2 and 5 are teachers, 6 a principal, 3 nothing unless configured as admin', () => {
  const user = toPlatformUser(
    {
      sub: 's2',
      [CLAIM.mpassUid]: 'adm-1',
      [CLAIM.role]: [
        `${V};99001;7A;Opettaja;2;${SCHOOL};`,
        `${V};99001;8B;Sijaisopettaja;5;${SCHOOL};`,
        `${V};99001;;Rehtori;6;${SCHOOL};`,
        `${V};99001;;Henkilökunta;3;${SCHOOL};`,
      ],
    },
    tenants,
  );
  assert.deepEqual(user.roleNames, ['teacher', 'principal', 'admin']);
  const teacher = user.roles.find((r) => r.role === 'teacher');
  assert.deepEqual(teacher?.groups, ['7A', '8B']);
});

test('roles at unknown providers and malformed role values are dropped', () => {
  const user = toPlatformUser(
    { sub: 's3', [CLAIM.role]: ['1.2.246.562.99.99999999999;1;7A;Opettaja;2;x;', 'garbage'] },
    tenants,
  );
  assert.deepEqual(user.roleNames, []);
  assert.equal(parseMpassRole('a;b'), undefined);
});

test('only ALLOWED mandates make a guardian, in the tenant of each child', () => {
  const user = toPlatformUser(
    {
      sub: 'g1',
      [CLAIM.idp]: 'suomifi',
      [CLAIM.mandates]: [
        { principal: '1.2.246.562.98.1', name: 'Eka', status: 'ALLOWED', educationProviderOid: V },
        { principal: '1.2.246.562.98.2', name: 'Toka', status: 'DISALLOWED', educationProviderOid: V },
        { principal: '1.2.246.562.98.3', name: 'Kolmas', status: 'ALLOWED', educationProviderOid: '1.2.246.562.99.00000000002' },
      ],
    },
    tenants,
  );
  assert.deepEqual(user.roleNames, ['guardian']);
  assert.deepEqual(user.tenants, ['vantaa', 'espoo']);
  assert.deepEqual(
    user.children.map((c) => [c.name, c.tenant]),
    [
      ['Eka', 'vantaa'],
      ['Kolmas', 'espoo'],
    ],
  );
});
