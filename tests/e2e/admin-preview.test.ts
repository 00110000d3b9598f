/**
 * "Preview as" (docs/decisions/0008-preview-as.md), end to end in real Chromium: the admin adds a widget to the pupil
 * draft, previews the draft as the pupil test account at 360 and 1280 px (the real shell in a same-origin frame, real
 * widgets, the pupil's sandbox data), while the pupil still gets the published dashboard; the preview is audited; the
 * preview page gives nothing to a page that is not the admin's.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';
import { previewFrame, settledIn } from './admin-helpers.ts';

describe('Preview as', () => {
  const env = usePlatform();

  test('the admin previews the pupil draft with a new widget at phone and desktop widths; the pupil still sees the published one; audited', async () => {
    const shell = env.platform.urls.shell;
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1440, height: 1600 } });
    const page = await context.newPage();
    await signIn(page, shell, 'admin');
    await page.goto(`${shell}/admin/dashboards/pupil`);
    await page.locator('digione-composer d1-card[data-instance="schedule"]').waitFor();

    // A second Announcements tile in the draft (an approved widget for pupils), saved as a draft only.
    await page.locator('digione-composer d1-button[data-action="add"]').click();
    const dialog = page.locator('digione-composer d1-dialog[data-dialog="add"]');
    await dialog.locator('d1-select[data-field="widget"] select').selectOption('lumo.bulletin');
    await dialog.locator('[data-action="add-confirm"]').click();
    await page.locator('digione-composer d1-card[data-instance="bulletin-2"]').waitFor();
    await page.locator('digione-composer[data-save-state="saved"]').waitFor({ timeout: 10_000 });

    // Preview as the pupil test account.
    const preview = page.locator('digione-preview-as');
    await preview.locator('d1-select[data-preview-persona] select').selectOption('sandbox-pupil');
    await preview.locator('d1-button[data-preview-start]').click();
    for (const width of [360, 1280] as const) {
      const frame = await previewFrame(page, width);
      await frame.locator('[data-preview-banner="sandbox-pupil"]').getByText('Preview as Veeti Testinen — not published').waitFor();
      const widgets = await settledIn(frame, 6);
      assert.deepEqual(
        widgets.map(([id]) => id).filter((id) => id === 'lumo.bulletin').length,
        2,
        `${width} px: the draft's new tile is shown (${JSON.stringify(widgets)})`,
      );
      assert.ok(widgets.every(([, state]) => state === 'ready'), `${width} px: every widget is ready: ${JSON.stringify(widgets)}`);
      // The pupil's own data: their name in the header, their schedule from the sandbox API.
      await frame.locator('header').getByText('Veeti Testinen').first().waitFor();
      await frame.locator('[data-widget="kajo.schedule"] [data-state="ready"], [data-widget="kajo.schedule"][data-state="ready"]').first().waitFor();
      assert.equal(await frame.evaluate(() => document.documentElement.clientWidth), width, 'rendered at the real width');
    }
    assert.deepEqual(await axeViolations(page), [], 'the Preview as section');
    // The token never reaches a URL.
    for (const width of [360, 1280] as const) assert.doesNotMatch((await previewFrame(page, width)).url(), /token|eyJ/);

    // The audit log shows who previewed as whom.
    await page.goto(`${shell}/admin/audit`);
    await page.locator('d1-select[name="action"] select').selectOption('dashboard.preview');
    await page.locator('d1-button[data-action="filter"]').click();
    const table = page.locator('d1-table[data-audit][data-state="ready"]');
    await table.waitFor();
    await table.getByRole('cell', { name: 'Draft previewed as a test user' }).first().waitFor();
    assert.ok(Number(await table.getAttribute('data-count')) >= 1);
    await context.close();

    // The pupil still gets the published dashboard: one Announcements tile.
    const pupil = await env.browser.newContext({ locale: 'en-GB' });
    const pupilPage = await pupil.newPage();
    await signIn(pupilPage, shell, 'pupil');
    const states = await settledWidgets(pupilPage, 5);
    assert.equal(Object.keys(states).length, 5);
    assert.equal(await pupilPage.locator('[data-widget="lumo.bulletin"]').count(), 1, 'the draft is not published');
    await pupil.close();
  });

  test('a teacher asking the provider for a preview token with their own key-bound token is refused', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'teacher');
    // What the admin's page sends (shell/src/admin/preview.ts), here with the teacher's session and DPoP key.
    // A string, not a function: the test runner's transpiler would add helpers the page does not have.
    const answer = (await page.evaluate(`(async () => {
      const db = await new Promise((resolve, reject) => {
        const request = indexedDB.open('digione-session');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const read = (key) =>
        new Promise((resolve) => {
          const request = db.transaction('kv').objectStore('kv').get(key);
          request.onsuccess = () => resolve(request.result);
        });
      const user = JSON.parse(await read('user:http://localhost:4174:digione-shell'));
      const { keys } = await read('dpop:digione-shell');
      const b64 = (bytes) => btoa(String.fromCharCode(...bytes)).replace(/\\+/g, '-').replace(/\\//g, '_').replace(/=+$/, '');
      const json = (value) => b64(new TextEncoder().encode(JSON.stringify(value)));
      const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
      const url = 'http://localhost:4174/token';
      const input = \`\${json({ typ: 'dpop+jwt', alg: 'ES256', jwk: { crv, kty, x, y } })}.\${json({ htm: 'POST', htu: url, iat: Math.floor(Date.now() / 1000), jti: crypto.randomUUID() })}\`;
      const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(input));
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', DPoP: \`\${input}.\${b64(new Uint8Array(signature))}\` },
        body: new URLSearchParams({
          grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
          client_id: 'digione-shell',
          subject_token: user.access_token,
          subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
          resource: 'urn:digione:platform',
          digione_widget: 'digione.preview',
          digione_tenant: 'vantaa',
          digione_role: 'pupil',
          digione_preview: 'sandbox-pupil',
        }),
      });
      return { status: response.status, body: await response.json() };
    })()`)) as { status: number; body: { error?: string; error_description?: string; access_token?: string } };
    assert.equal(answer.status, 400, JSON.stringify(answer.body));
    assert.equal(answer.body.error, 'invalid_grant');
    assert.match(answer.body.error_description ?? '', /only an admin of vantaa/);
    assert.equal(answer.body.access_token, undefined);
    await context.close();
  });

  test('the preview page opened by itself, even by a signed-in user, shows no dashboard', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'teacher');
    await page.goto(`${env.platform.urls.shell}/preview?role=pupil&tenant=vantaa`);
    await page.locator('[data-preview="none"][role="alert"]').getByText('There is no preview.').waitFor();
    assert.equal(await page.locator('[data-widget]').count(), 0);
    assert.equal(await page.locator('[data-preview-banner]').count(), 0);
    await context.close();
  });
});
