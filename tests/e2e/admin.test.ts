import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { shellClient, signIn as signInAtProvider } from '../../sandbox/src/testing/oidc-client.ts';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';
import { revokeWithConfirmation } from './admin-helpers.ts';

/** A registry answer as the tests read it. */
interface Answer {
  status: number;
  body: Record<string, unknown> | undefined;
}

/** Calls the registry as `username` would through the shell: a token from the sandbox provider, DPoP-bound. */
type RegistryCall = (method: string, path: string, body?: unknown) => Promise<Answer>;

/**
 * The municipality admin's views (issue 8): catalogue with approve and revoke, publish with problems in place,
 * history and roll back, the audit log with its CSV, and who may reach none of it (a teacher, another tenant's admin).
 * The suites share one platform and run in order: each builds on the writes of the one before.
 */
describe('the municipality admin area', () => {
  const env = usePlatform();
  const callers = new Map<string, Promise<RegistryCall>>();

  function registryAs(username: string): Promise<RegistryCall> {
    let caller = callers.get(username);
    if (!caller) {
      caller = (async () => {
        const client = shellClient(env.platform.urls.identity, env.platform.urls.shell);
        const tokens = await signInAtProvider(client, username);
        const key = await client.dpop;
        return async (method: string, path: string, body?: unknown) => {
          const url = `${env.platform.urls.registry}${path}`;
          const headers: Record<string, string> = { ...(await key.headers(method, url, tokens.access_token)) };
          if (body !== undefined) headers['content-type'] = 'application/json';
          const response = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
          const text = await response.text();
          return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
        };
      })();
      callers.set(username, caller);
    }
    return caller;
  }

  /** The vantaa policy's current version, as the registry has it. */
  async function policyVersion(): Promise<number> {
    const answer = await (await registryAs('admin'))('GET', '/v1/admin/tenants/vantaa/policy');
    assert.equal(answer.status, 200);
    return answer.body!['version'] as number;
  }

  /** The widgets of the pupil's resolved dashboard in vantaa, as the registry serves them. */
  async function pupilWidgets(): Promise<string[]> {
    const answer = await (await registryAs('pupil'))('GET', '/v1/dashboard?role=pupil&tenant=vantaa');
    assert.equal(answer.status, 200);
    return Object.keys(answer.body!['widgets'] as Record<string, unknown>).sort();
  }

  async function adminPage(width = 1280): Promise<{ context: BrowserContext; page: Page }> {
    const context = await env.browser.newContext({ locale: 'fi-FI', viewport: { width, height: 900 }, acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'admin');
    return { context, page };
  }

  /** Waits until the catalogue has loaded and returns the entry of `widget`. */
  async function catalogueEntry(page: Page, widget: string) {
    await page.locator('.catalogue[data-state="ready"]').waitFor();
    return page.locator(`[data-catalogue-widget="${widget}"]`);
  }

  test('admin: the header opens the catalogue; revoke then approve a widget, and a conflicting write is said with a reload', async () => {
    const { context, page } = await adminPage();
    await page.getByRole('link', { name: 'Ylläpito' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/catalogue');
    await page.getByRole('heading', { level: 1, name: 'Palvelukatalogi' }).waitFor();
    // In-page navigation moves focus to the new page's heading.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H1');

    const catalogue = (await (await registryAs('admin'))('GET', '/v1/catalogue')).body!['widgets'] as Array<{ id: string }>;
    await page.locator('.catalogue[data-state="ready"]').waitFor();
    assert.deepEqual(
      (await page.locator('[data-catalogue-widget]').evaluateAll((els) => els.map((el) => el.getAttribute('data-catalogue-widget')))).sort(),
      catalogue.map((w) => w.id).sort(),
      'every widget of the registry is listed',
    );
    const schedule = await catalogueEntry(page, 'kajo.schedule');
    await schedule.locator('[data-scope="schedule.read"]', { hasText: 'Näkee lukujärjestyksen ja oppitunnit.' }).waitFor();
    await schedule.getByText('Kajo Oppimisratkaisut Oy').waitFor();
    assert.equal(await schedule.locator('[data-check="sdk"]').getAttribute('data-outcome'), 'pass');
    assert.equal(await schedule.locator('[data-check="locales"]').getAttribute('data-outcome'), 'pass');
    // The sandbox's vendor hosts are http://localhost: allowed, and said to be sandbox addresses.
    assert.equal(await schedule.locator('[data-check="entry"]').getAttribute('data-outcome'), 'warn');

    // Revoke, after a confirmation: the pupil's dashboard no longer carries it.
    assert.ok((await pupilWidgets()).includes('lumo.bulletin'));
    const bulletin = await catalogueEntry(page, 'lumo.bulletin');
    assert.equal(await bulletin.getAttribute('data-approved'), 'yes');
    await revokeWithConfirmation(page, bulletin);
    await page.locator('[data-catalogue-widget="lumo.bulletin"][data-approved="no"]').waitFor();
    await page.locator('[data-admin-notice]', { hasText: 'hyväksyntä peruttiin' }).waitFor({ state: 'attached' });
    assert.ok(!(await pupilWidgets()).includes('lumo.bulletin'), 'revocation takes effect on the resolved dashboard at once');

    // Approve again, granting its scope with the checkbox: the pupil gets it back.
    await bulletin.locator('d1-button[data-action="approve"]').click();
    const approveDialog = page.locator('d1-dialog[data-dialog="approve"]');
    await approveDialog.getByRole('dialog').waitFor();
    const scopeBox = approveDialog.getByRole('checkbox', { name: 'Näkee koulujen tiedotteet.' });
    assert.equal(await scopeBox.isChecked(), true);
    await approveDialog.locator('d1-button[data-confirm]').click();
    await page.locator('[data-catalogue-widget="lumo.bulletin"][data-approved="yes"]').waitFor();
    await bulletin.locator('[data-approval]', { hasText: 'Näkee koulujen tiedotteet.' }).waitFor();
    assert.ok((await pupilWidgets()).includes('lumo.bulletin'));

    // Another admin revokes a widget meanwhile: this page's write names a stale version and is refused in words.
    const admin = await registryAs('admin');
    const revoked = await admin('DELETE', `/v1/admin/tenants/vantaa/policy/widgets/reissu.permissions?expectedVersion=${await policyVersion()}`);
    assert.equal(revoked.status, 200);
    const reissu = await catalogueEntry(page, 'reissu.permissions');
    await revokeWithConfirmation(page, reissu);
    const conflict = page.locator('[data-admin-conflict]');
    await conflict.getByText(`uusin versio on nyt ${await policyVersion()}`).waitFor();
    await conflict.getByRole('button', { name: 'Lataa uudelleen' }).click();
    await page.locator('[data-catalogue-widget="reissu.permissions"][data-approved="no"]').waitFor();
    await conflict.waitFor({ state: 'detached' });

    // Every string follows the language switch without a reload.
    await page.locator('.languages [data-locale="sv"]').click();
    await page.getByRole('heading', { level: 1, name: 'Tjänstekatalog' }).waitFor();
    await page.locator('[data-catalogue-widget="kajo.schedule"] [data-scope="schedule.read"]', { hasText: 'Ser schemat och lektionerna.' }).waitFor();
    await context.close();
  });

  test('admin: a pupil draft is published after its problems are shown in place, and rolled back; the pupil sees both', async () => {
    const admin = await registryAs('admin');
    const versions = await admin('GET', '/v1/admin/tenants/vantaa/dashboards/pupil/versions');
    assert.equal(versions.status, 200);
    const published = versions.body!['versions'] as Array<{ version: number }>;
    const latest = published.at(-1)!.version;
    const current = await admin('GET', `/v1/admin/tenants/vantaa/dashboards/pupil/versions/${latest}`);
    const layout = (current.body!['layout'] as Array<{ instanceId: string; widget: string }>).filter((entry) => entry.widget !== 'vire.materials');
    assert.equal((await admin('PUT', '/v1/admin/tenants/vantaa/dashboards/pupil/draft', { layout })).status, 200);
    // The catalogue or policy may change after a draft is saved: publishing validates again.
    const messagesIndex = layout.findIndex((entry) => entry.widget === 'lumo.messages');
    assert.ok(messagesIndex >= 0);
    const revoke = await admin('DELETE', `/v1/admin/tenants/vantaa/policy/widgets/lumo.messages?expectedVersion=${await policyVersion()}`);
    assert.equal(revoke.status, 200);

    const { context, page } = await adminPage();
    await page.getByRole('link', { name: 'Ylläpito' }).click();
    await page.getByRole('navigation', { name: 'Ylläpidon osiot' }).getByRole('link', { name: 'Työpöydät' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/dashboards/pupil');
    await page.getByRole('heading', { level: 1, name: 'Työpöydät' }).waitFor();
    const draft = page.locator('[data-draft="yes"]');
    await draft.locator('li[data-instance]').first().waitFor();
    assert.equal(await draft.locator('li[data-instance]').count(), layout.length);
    await draft.locator('d1-button[data-action="publish"]').click();
    await page.locator('[data-publish-problems]').waitFor();
    const messages = draft.locator(`li[data-instance="${layout[messagesIndex]!.instanceId}"]`);
    await messages.locator('[data-issues] li').first().waitFor();
    assert.ok(await messages.getAttribute('data-invalid') !== null, 'the problem is shown next to the instance it concerns');
    assert.equal(await draft.locator('li[data-invalid]').count(), 1, 'and next to no other');

    const approve = await admin('PUT', '/v1/admin/tenants/vantaa/policy/widgets/lumo.messages', {
      versions: '^0.1.0',
      scopes: ['messages.read'],
      integration: 'module',
      expectedVersion: await policyVersion(),
    });
    assert.equal(approve.status, 200);
    await draft.locator('d1-button[data-action="publish"]').click();
    await page.locator('[data-admin-notice]', { hasText: `Versio ${latest + 1} julkaistiin` }).waitFor({ state: 'attached' });
    await page.locator(`tr[data-version="${latest + 1}"]`, { hasText: 'Käytössä' }).waitFor();
    await page.locator('[data-draft="no"]').waitFor();

    const pupil = await env.browser.newContext({ locale: 'fi-FI', viewport: { width: 1280, height: 3000 } });
    const pupilPage = await pupil.newPage();
    await signIn(pupilPage, env.platform.urls.shell, 'pupil');
    const without = await settledWidgets(pupilPage, layout.length);
    assert.ok(!('vire.materials' in without), 'the published version reaches the pupil on their next load');
    assert.ok('lumo.messages' in without);

    // Roll back to the version before, in one step after a confirmation.
    await page.locator(`tr[data-version="${latest}"] d1-button[data-action="rollback"]`).click();
    const dialog = page.locator('d1-dialog[data-dialog="rollback"]');
    await dialog.getByRole('dialog').waitFor();
    await dialog.locator('d1-button[data-confirm]').click();
    await page.locator(`tr[data-version="${latest + 2}"]`, { hasText: 'Käytössä' }).waitFor();
    await page.locator('[data-admin-notice]', { hasText: `Versiolla ${latest + 2} on nyt version ${latest} sisältö` }).waitFor({ state: 'attached' });

    await pupilPage.reload();
    await pupilPage.locator('.dashboard-title').waitFor();
    const back = await settledWidgets(pupilPage, layout.length + 1);
    assert.ok('vire.materials' in back, 'after the roll back the pupil has the widget again');
    await pupil.close();
    await context.close();
  });

  test('admin: the audit log shows these writes, filters them and downloads them as CSV', async () => {
    const { context, page } = await adminPage();
    await page.goto(`${env.platform.urls.shell}/admin/audit`);
    await page.getByRole('heading', { level: 1, name: 'Muutosloki' }).waitFor();
    const table = page.locator('d1-table[data-audit][data-state="ready"]');
    await table.waitFor();
    for (const action of ['Palvelun hyväksyntä peruttu', 'Palvelu hyväksytty', 'Luonnos tallennettu', 'Työpöytä julkaistu', 'Työpöytä palautettu']) {
      await table.getByRole('cell', { name: action }).first().waitFor();
    }

    // Filter: the writes that touched lumo.bulletin are its revocation and its approval.
    await page.locator('d1-select[name="widget"] select').selectOption('lumo.bulletin');
    await page.locator('d1-button[data-action="filter"]').click();
    await page.locator('d1-table[data-audit][data-state="ready"][data-count="2"]').waitFor();
    await page.locator('d1-select[name="action"] select').selectOption('policy.widget.delete');
    await page.locator('d1-button[data-action="filter"]').click();
    await page.locator('d1-table[data-audit][data-state="ready"][data-count="1"]').waitFor();

    // A range of days that ends before today shows nothing; today shows the entries again.
    const today = new Date();
    const day = (d: Date) => `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
    await page.locator('d1-date-picker[name="to"] input').fill(day(new Date(today.getTime() - 2 * 86_400_000)));
    await page.locator('d1-button[data-action="filter"]').click();
    await page.locator('d1-table[data-audit][data-state="ready"][data-count="0"]').waitFor();
    await page.locator('d1-date-picker[name="to"] input').fill(day(today));
    await page.locator('d1-button[data-action="filter"]').click();
    await page.locator('d1-table[data-audit][data-state="ready"][data-count="1"]').waitFor();

    // The CSV holds what is shown, RFC 4180 with a header.
    await page.getByRole('button', { name: 'Tyhjennä rajaukset' }).click();
    const all = await (await registryAs('admin'))('GET', '/v1/admin/audit?tenant=vantaa');
    const entries = all.body!['entries'] as Array<{ action: string }>;
    await page.locator(`d1-table[data-audit][data-state="ready"][data-count="${entries.length}"]`).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('d1-button[data-action="export"]').click()]);
    assert.match(download.suggestedFilename(), /^digione-audit-vantaa-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n').filter((line) => line !== '');
    assert.equal(lines[0], 'id,at,tenant,user,userName,action,target,widgets');
    assert.equal(lines.length, entries.length + 1);
    for (const action of ['policy.widget.delete', 'policy.widget.put', 'dashboard.draft.put', 'dashboard.publish', 'dashboard.rollback']) {
      assert.ok(lines.some((line) => line.includes(`,${action},`)), `the CSV has ${action}`);
    }
    await context.close();
  });

  test('the admin views pass axe at desktop and tablet widths in Finnish', async () => {
    for (const width of [1280, 768]) {
      const { context, page } = await adminPage(width);
      for (const [path, heading] of [
        ['/admin/catalogue', 'Palvelukatalogi'],
        ['/admin/dashboards/pupil', 'Työpöydät'],
        ['/admin/audit', 'Muutosloki'],
      ] as const) {
        await page.goto(`${env.platform.urls.shell}${path}`);
        await page.getByRole('heading', { level: 1, name: heading }).waitFor();
        await page.locator('[data-state="ready"], d1-table[data-audit][data-state="ready"], [data-draft]').first().waitFor();
        assert.deepEqual(await axeViolations(page), [], `${path} at ${width} px`);
        const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(sideways <= 0, `${path} at ${width} px scrolls sideways by ${sideways} px`);
      }
      await context.close();
    }
  });

  test('teacher: /admin/catalogue says it is not available for the role, and the admin API answers 403', async () => {
    const context = await env.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'teacher');
    assert.equal(await page.getByRole('link', { name: 'Ylläpito' }).count(), 0, 'no way into the admin area is offered');
    await page.goto(`${env.platform.urls.shell}/admin/catalogue`);
    await page.getByRole('heading', { level: 1, name: 'Ei käytettävissä roolillesi' }).waitFor();
    assert.equal(await page.locator('.catalogue, [data-catalogue-widget]').count(), 0);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByRole('main').getByRole('link', { name: 'Takaisin omalle työpöydälle' }).click();
    await page.locator('.dashboard-title').waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await context.close();

    const teacher = await registryAs('teacher');
    for (const [method, path, body] of [
      ['GET', '/v1/admin/tenants/vantaa/policy'],
      ['GET', '/v1/admin/audit?tenant=vantaa'],
      ['GET', '/v1/admin/tenants/vantaa/dashboards/pupil/versions'],
      ['DELETE', '/v1/admin/tenants/vantaa/policy/widgets/lumo.bulletin?expectedVersion=1'],
      ['PUT', '/v1/admin/tenants/vantaa/dashboards/pupil/draft', { layout: [] }],
    ] as const) {
      assert.equal((await teacher(method, path, body)).status, 403, `${method} ${path}`);
    }
  });

  test("another tenant's admin sees only Espoo, and vantaa's admin API answers 403", async () => {
    const context = await env.browser.newContext({ locale: 'fi-FI' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'espoo-admin');
    await page.getByRole('link', { name: 'Ylläpito' }).click();
    await page.getByText('Kunta: Espoo').waitFor();
    await page.locator('.catalogue[data-state="ready"]').waitFor();
    const espooPolicy = (await (await registryAs('espoo-admin'))('GET', '/v1/admin/tenants/espoo/policy')).body!;
    const approved = Object.keys(espooPolicy['widgets'] as Record<string, unknown>).sort();
    assert.deepEqual(
      (await page.locator('[data-approved="yes"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-catalogue-widget')))).sort(),
      approved,
      "the approvals shown are Espoo's",
    );
    await page.getByRole('navigation', { name: 'Ylläpidon osiot' }).getByRole('link', { name: 'Muutosloki' }).click();
    await page.locator('d1-table[data-audit][data-state="ready"]').waitFor();
    assert.equal(await page.locator('d1-table[data-audit]').getAttribute('data-count'), '0', "none of Vantaa's writes");
    await context.close();

    const espoo = await registryAs('espoo-admin');
    for (const [method, path, body] of [
      ['GET', '/v1/admin/tenants/vantaa/policy'],
      ['GET', '/v1/admin/audit?tenant=vantaa'],
      ['GET', '/v1/admin/tenants/vantaa/dashboards/pupil/draft'],
      ['POST', '/v1/admin/tenants/vantaa/dashboards/pupil/rollback', { toVersion: 1, expectedVersion: 1 }],
      ['PUT', '/v1/admin/tenants/vantaa/policy/widgets/lumo.bulletin', { versions: '^0.1.0', scopes: [], integration: 'module', expectedVersion: 1 }],
    ] as const) {
      assert.equal((await espoo(method, path, body)).status, 403, `${method} ${path}`);
    }
  });
});
