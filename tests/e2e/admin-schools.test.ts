import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { SCHOOL_OID } from '../../sandbox/src/data/schools.ts';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

/** How many instances of the bulletin widget the dashboard shows, once `total` widgets have settled. */
async function bulletins(page: Page, total: number): Promise<number> {
  const states = await settledWidgets(page, total);
  assert.equal(await page.locator('[data-widget]').count(), total, JSON.stringify(states));
  return page.locator('[data-widget="lumo.bulletin"]').count();
}

describe('school layers in the admin area', () => {
  const env = usePlatform();

  test('an admin composes Testbacken’s teacher layer (published right after a keyboard change), only its teachers see it, and a rollback removes it', async () => {
    const admin = await env.browser.newContext({ locale: 'en-GB' });
    const page = await admin.newPage();
    await signIn(page, env.platform.urls.shell, 'admin');
    await page.goto(new URL('/admin/dashboards/teacher', env.platform.urls.shell).href);

    // The picker lists the tenant's schools (the platform directory's); the merge rule is on the page.
    const picker = page.locator('d1-select[data-picker="school"] select');
    await picker.locator(`option[value="${SCHOOL_OID.testbacken}"]`).waitFor({ state: 'attached' });
    const offered = await picker.locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(offered, ['', SCHOOL_OID.testimaki, SCHOOL_OID.testbacken], 'the municipality, then Vantaa’s schools only');
    await page.locator('[data-school-rule]').getByText('its other instances are added after them').waitFor();
    await picker.selectOption(SCHOOL_OID.testbacken);
    const composer = page.locator('digione-composer');
    await composer.getByText('No published dashboard yet').waitFor();

    // Version 1 of the layer adds nothing (a service added, then removed), so that there is a version to roll back to.
    await composer.locator('d1-button[data-action="add"]').click();
    await composer.locator('d1-dialog[data-dialog="add"] d1-select[data-field="widget"] select').selectOption('lumo.bulletin');
    await composer.locator('d1-dialog[data-dialog="add"] [data-action="add-confirm"]').click();
    // Not `bulletin`: that id is the municipality's instance, which the school's entry would replace.
    const added = composer.locator('d1-card[data-instance="bulletin-2"]');
    await added.locator('[data-action="remove"]').click();
    await page.locator('digione-composer[data-save-state="saved"]').waitFor({ timeout: 10_000 });
    await page.locator('d1-button[data-action="publish"]').click();
    await composer.getByText('published version 1').waitFor();

    // Version 2: add it by keyboard and publish at once, before the composer's own save has run.
    await composer.locator('d1-button[data-action="add"]').focus();
    await page.keyboard.press('Enter');
    const service = composer.locator('d1-dialog[data-dialog="add"] d1-select[data-field="widget"] select');
    await service.waitFor();
    await service.selectOption('lumo.bulletin');
    await composer.locator('d1-dialog[data-dialog="add"] [data-action="add-confirm"]').focus();
    await page.keyboard.press('Enter');
    await added.waitFor();
    assert.equal(await composer.getAttribute('data-save-state'), 'pending', 'the change is not saved yet');
    await page.locator('d1-button[data-action="publish"]').click();
    await composer.getByText('published version 2').waitFor();
    assert.equal(await page.locator('[data-history] tr[data-version]').count(), 2);

    // The substitute teaches in both schools: the extra bulletin is on Testbacken's dashboard only.
    const teacher = await env.browser.newContext({ locale: 'en-GB' });
    const teacherPage = await teacher.newPage();
    await signIn(teacherPage, env.platform.urls.shell, 'substitute');
    const school = teacherPage.getByLabel('School', { exact: true });
    assert.equal(await school.inputValue(), SCHOOL_OID.testimaki);
    assert.equal(await bulletins(teacherPage, 6), 1, 'Testimäki: the municipality’s dashboard');
    await school.selectOption(SCHOOL_OID.testbacken);
    await teacherPage.locator('[data-widget]').nth(6).waitFor();
    assert.equal(await bulletins(teacherPage, 7), 2, 'Testbacken: the layer’s bulletin added after the municipality’s');

    // Roll the layer back to version 1: on their next load, Testbacken's teachers no longer get it.
    await page.locator('[data-history] tr[data-version="1"] d1-button[data-action="rollback"]').click();
    await page.locator('d1-dialog[data-dialog="rollback"] [data-confirm]').click();
    await composer.getByText('published version 3').waitFor();
    await teacherPage.reload();
    await teacherPage.locator('.dashboard-title').waitFor();
    assert.equal(await school.inputValue(), SCHOOL_OID.testbacken, 'the school choice is remembered');
    assert.equal(await bulletins(teacherPage, 6), 1);
    await teacher.close();
    await admin.close();
  });
});
