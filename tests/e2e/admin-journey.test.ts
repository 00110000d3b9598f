/**
 * Issue 8's journey in one test, in the order of its sentence and as one admin would do it (in English): in the
 * catalogue revoke and approve a service (choosing its data scopes); then, with the keyboard only, add it to the pupil
 * dashboard in the composer, configure it through its generated form (an invalid value explained in place, then a
 * valid one), preview the draft as the pupil test account and publish. A pupil signing in afresh gets it with its
 * configuration applied; the admin rolls back; the pupil's next load no longer has it; the audit log shows each step.
 *
 * The platform is this file's own (usePlatform starts a fresh registry over copies of the manifests), so the pupil
 * dashboard starts at published version 1 with five services whatever other files did.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { settledWidgets, signIn, usePlatform } from './harness.ts';
import { announcement, hasFocusWithin, openSettingsByKeyboard, order, previewFrame, revokeWithConfirmation, saved, settledIn, tabTo } from './admin-helpers.ts';

/** The pupil's dashboard as the pupil sees it on a fresh load: the widgets in order, once all have settled. */
async function pupilDashboard(page: Page, expected: number): Promise<string[]> {
  const states = await settledWidgets(page, expected);
  assert.ok(Object.values(states).every((state) => state === 'ready'), `every widget is ready: ${JSON.stringify(states)}`);
  return page.locator('[data-widget]').evaluateAll((frames) => frames.map((f) => f.getAttribute('data-widget') ?? ''));
}

describe('issue 8, end to end', () => {
  const env = usePlatform();

  test('admin approves a service, adds and configures it by keyboard, previews as the pupil, publishes; the pupil sees it; a rollback takes it away; all audited', async () => {
    const shell = env.platform.urls.shell;
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, shell, 'admin');

    // 1. The catalogue: revoke Announcements, then approve it again, granting the one scope it asks for.
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.waitForURL((url) => url.pathname === '/admin/catalogue');
    await page.locator('.catalogue[data-state="ready"]').waitFor();
    const bulletin = page.locator('[data-catalogue-widget="lumo.bulletin"]');
    assert.equal(await bulletin.getAttribute('data-approved'), 'yes');
    await revokeWithConfirmation(page, bulletin);
    await page.locator('[data-catalogue-widget="lumo.bulletin"][data-approved="no"]').waitFor();

    await bulletin.locator('d1-button[data-action="approve"]').click();
    const approveDialog = page.locator('d1-dialog[data-dialog="approve"]');
    await approveDialog.getByRole('dialog').waitFor();
    // The admin chooses the scopes: offered checked (what the service asks for), and theirs to clear or keep.
    const scope = approveDialog.getByRole('checkbox', { name: 'Sees the schools’ announcements.' });
    assert.equal(await scope.isChecked(), true);
    await scope.click();
    assert.equal(await scope.isChecked(), false);
    await scope.click();
    assert.equal(await scope.isChecked(), true);
    await approveDialog.locator('d1-button[data-confirm]').click();
    await page.locator('[data-catalogue-widget="lumo.bulletin"][data-approved="yes"]').waitFor();
    await bulletin.locator('[data-approval]', { hasText: 'Sees the schools’ announcements.' }).waitFor();

    // 2. From here on, the keyboard only: to the Dashboards section (the pupil's by default).
    const sections = page.getByRole('navigation', { name: 'Administration sections' });
    await tabTo(page, sections.getByRole('link', { name: 'Dashboards' }), true, 80);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/admin/dashboards/pupil');
    await page.locator('digione-composer d1-card[data-instance="schedule"]').waitFor();
    assert.deepEqual(await order(page), ['schedule', 'messages', 'bulletin', 'calendar', 'materials']);

    // Add a service: the dialog opens on its service field; the first title in order is Announcements.
    await tabTo(page, page.locator('digione-composer d1-button[data-action="add"]'), false, 80);
    await page.keyboard.press('Enter');
    const addDialog = page.locator('digione-composer d1-dialog[data-dialog="add"]');
    const service = addDialog.locator('d1-select[data-field="widget"]');
    await service.locator('select').waitFor();
    assert.ok(await hasFocusWithin(service), 'the dialog opens on the service field');
    await page.keyboard.press('ArrowDown');
    assert.equal(await service.locator('select').inputValue(), 'lumo.bulletin');
    await tabTo(page, addDialog.locator('[data-action="add-confirm"]'));
    await page.keyboard.press('Enter');
    await announcement(page, 'Announcements added at position 6 of 6.');
    const added = page.locator('digione-composer d1-card[data-instance="bulletin-2"]');
    assert.ok(await hasFocusWithin(added), 'focus goes to the new card');

    // Configure it: 25 is over the schema's maximum and is explained next to the field; 2 is applied.
    const { dialog: configDialog, limit } = await openSettingsByKeyboard(page, added);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25');
    await page.keyboard.press('Tab');
    await limit.getByText('Must be at most 20.').waitFor();
    await tabTo(page, limit, true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, configDialog.locator('[data-action="apply"]'));
    await page.keyboard.press('Enter');
    await announcement(page, 'Settings of Announcements changed.');
    await saved(page);

    // 3. Preview as the pupil test account (the one offered for the role), with the draft's new, configured tile.
    const preview = page.locator('digione-preview-as');
    const persona = preview.locator('d1-select[data-preview-persona]');
    await tabTo(page, persona, false, 120);
    assert.equal(await persona.locator('select').inputValue(), 'sandbox-pupil');
    await tabTo(page, preview.locator('d1-button[data-preview-start]'));
    await page.keyboard.press('Enter');
    await preview.locator('iframe[data-preview-width="1280"]').waitFor();
    const frame = await previewFrame(page, 1280);
    await frame.locator('[data-preview-banner="sandbox-pupil"]').getByText('Preview as Veeti Testinen — not published').waitFor();
    const previewed = await settledIn(frame, 6);
    assert.deepEqual(
      previewed,
      ['kajo.schedule', 'lumo.messages', 'lumo.bulletin', 'tanne.calendar', 'vire.materials', 'lumo.bulletin'].map((id) => [id, 'ready']),
      'the draft, every widget ready',
    );
    // The pupil's own data: their name in the header; the new tile lists the 2 announcements its settings allow.
    await frame.locator('header').getByText('Veeti Testinen').first().waitFor();
    const previewBulletins = frame.locator('[data-widget="lumo.bulletin"]');
    await previewBulletins.nth(1).locator('details').first().waitFor();
    assert.equal(await previewBulletins.nth(1).locator('details').count(), 2);

    // 4. Publish: the admin area's button after the preview; version 2 becomes the current one.
    await tabTo(page, page.locator('d1-button[data-action="publish"]'), false, 80);
    await page.keyboard.press('Enter');
    await page.locator('[data-admin-notice]', { hasText: 'Version 2 was published' }).waitFor({ state: 'attached' });
    await page.locator('tr[data-version="2"]', { hasText: 'In use' }).waitFor();

    // 5. The pupil, in a browser of their own, gets it on sign-in: a second Announcements tile listing 2.
    const pupil = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 3000 } });
    const pupilPage = await pupil.newPage();
    await signIn(pupilPage, shell, 'pupil');
    assert.deepEqual(await pupilDashboard(pupilPage, 6), [
      'kajo.schedule',
      'lumo.messages',
      'lumo.bulletin',
      'tanne.calendar',
      'vire.materials',
      'lumo.bulletin',
    ]);
    const bulletins = pupilPage.locator('[data-widget="lumo.bulletin"]');
    await bulletins.nth(1).locator('details').first().waitFor();
    assert.equal(await bulletins.nth(1).locator('details').count(), 2, 'the configuration reached the widget');
    assert.ok((await bulletins.nth(0).locator('details').count()) > 2, 'and only the new instance');

    // 6. Roll back to version 1, by keyboard: on through the page to its button in the history, then the confirmation.
    await tabTo(page, page.locator('tr[data-version="1"] d1-button[data-action="rollback"]'), false, 150);
    await page.keyboard.press('Enter');
    const rollbackDialog = page.locator('d1-dialog[data-dialog="rollback"]');
    await rollbackDialog.getByRole('dialog').waitFor();
    await tabTo(page, rollbackDialog.locator('d1-button[data-confirm]'), false, 10);
    await page.keyboard.press('Enter');
    await page.locator('tr[data-version="3"]', { hasText: 'In use' }).waitFor();
    await page.locator('[data-admin-notice]', { hasText: 'Version 3 now has the content of version 1' }).waitFor({ state: 'attached' });

    // The pupil's next load: the added tile is gone, the five services of version 1 remain.
    await pupilPage.reload();
    await pupilPage.locator('.dashboard-title').waitFor();
    assert.deepEqual(await pupilDashboard(pupilPage, 5), ['kajo.schedule', 'lumo.messages', 'lumo.bulletin', 'tanne.calendar', 'vire.materials']);
    assert.equal(await pupilPage.locator('[data-widget="lumo.bulletin"]').count(), 1);
    await pupil.close();

    // 7. The audit log has each step: approval, draft saves, the preview, the publication and the rollback.
    await page.goto(`${shell}/admin/audit`);
    const table = page.locator('d1-table[data-audit][data-state="ready"]');
    await table.waitFor();
    for (const action of ['Service approval revoked', 'Service approved', 'Draft saved', 'Draft previewed as a test user', 'Dashboard published', 'Dashboard rolled back']) {
      await table.getByRole('cell', { name: action, exact: true }).first().waitFor();
    }
    await context.close();
  });
});
