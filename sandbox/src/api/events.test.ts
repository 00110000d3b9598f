/**
 * The event log of widget failures: the shell reports them (codes only, the user from the token), tenant admins read
 * their tenant's, every report is audited, bad input gets a problem document, and each user is rate-limited.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { PlatformComponents } from '../../../sdk/src/api-types.ts';
import type { AuditEntry } from './audit.ts';
import { REPORTS_PER_WINDOW } from './handlers/events.ts';
import { startHarness, type Harness } from './harness.ts';

type WidgetFailure = PlatformComponents['schemas']['WidgetFailure'];
type WidgetFailurePage = PlatformComponents['schemas']['WidgetFailurePage'];

const PATH = '/v1/events/widget-failures';
const REPORT = { widget: 'fixture.throws-mount', version: '1.0.0', instance: 'mount', code: 'mount-failed', phase: 'mount', attempt: 1 };

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h.close();
});

describe('widget failure reports', () => {
  it('stores a report with the caller from the token and the tenant, and the tenant admin reads it', async () => {
    const posted = await h.request<WidgetFailure>(PATH, { method: 'POST', as: 'pupil', body: REPORT });
    assert.equal(posted.status, 202);
    assert.equal(posted.body.widget, REPORT.widget);
    assert.equal(posted.body.code, 'mount-failed');
    assert.equal(posted.body.tenant, 'vantaa');
    assert.match(posted.body.user, /.+/);
    assert.equal(posted.body.receivedAt, new Date(posted.body.receivedAt).toISOString());

    const listed = await h.request<WidgetFailurePage>(`${PATH}?tenant=vantaa&widget=fixture.throws-mount`, { as: 'admin' });
    assert.equal(listed.status, 200);
    assert.deepEqual(listed.body.items.map((f) => f.id), [posted.body.id]);
    const byCode = await h.request<WidgetFailurePage>(`${PATH}?tenant=vantaa&code=timeout`, { as: 'admin' });
    assert.deepEqual(byCode.body.items, []);

    await h.api.flushAudit();
    const lines = (await readFile(h.auditPath, 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as AuditEntry);
    const entry = lines.find((e) => e.what.route === `POST ${PATH}`);
    assert.ok(entry, 'the report is in the audit log');
    assert.equal(entry.who, posted.body.user);
    assert.equal(entry.outcome, 'allowed');
  });

  it('lets only the tenant admin read the failures, and nobody report for another tenant', async () => {
    for (const user of ['pupil', 'teacher', 'principal', 'espoo-teacher']) {
      const answer = await h.request(`${PATH}?tenant=vantaa`, { as: user });
      assert.equal(answer.status, 403, user);
      assert.equal((answer.body as { code: string }).code, 'forbidden');
    }
    const other = await h.request(PATH, { method: 'POST', as: 'pupil', body: { ...REPORT, tenant: 'espoo' } });
    assert.equal(other.status, 403);
    const anonymous = await h.request(PATH, { method: 'POST', body: REPORT });
    assert.equal(anonymous.status, 401);
  });

  it('refuses free text, unknown codes and malformed members with a problem document', async () => {
    const bad: Array<Record<string, unknown>> = [
      { ...REPORT, message: 'Matti Meikäläinen could not see his grades' },
      { ...REPORT, code: 'exploded' },
      { ...REPORT, widget: 'Not An Id' },
      { ...REPORT, attempt: 0 },
      { ...REPORT, version: 'x'.repeat(100) },
      { widget: REPORT.widget },
    ];
    for (const body of bad) {
      const answer = await h.request(PATH, { method: 'POST', as: 'teacher', body });
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.match(answer.headers.get('content-type') ?? '', /application\/problem\+json/);
    }
    const tooLarge = await h.request(PATH, { method: 'POST', as: 'teacher', body: { ...REPORT, pad: 'x'.repeat(4000) } });
    assert.equal(tooLarge.status, 413);
  });

  it(`takes at most ${REPORTS_PER_WINDOW} reports a minute per user, then 429 with Retry-After`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i < REPORTS_PER_WINDOW; i += 1) {
      statuses.push((await h.request(PATH, { method: 'POST', as: 'guardian', body: { ...REPORT, attempt: i + 1 } })).status);
    }
    assert.deepEqual(new Set(statuses), new Set([202]));
    const refused = await h.request<{ code: string }>(PATH, { method: 'POST', as: 'guardian', body: REPORT });
    assert.equal(refused.status, 429);
    assert.equal(refused.body.code, 'too-many-requests');
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    // Another user is not affected.
    assert.equal((await h.request(PATH, { method: 'POST', as: 'teacher', body: REPORT })).status, 202);
  });
});
