import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { settledWidgets, signIn, usePlatform } from './harness.ts';

/** What each contract user must see right after signing in (English UI). */
const EXPECTED: Array<{ username: string; title: RegExp; widgets: string[] }> = [
  { username: 'pupil', title: /Pupil – Vantaa/, widgets: ['kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'tanne.calendar', 'vire.materials'] },
  { username: 'guardian', title: /Guardian – Vantaa/, widgets: ['kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'reissu.permissions', 'tanne.calendar'] },
  {
    username: 'teacher',
    title: /Teacher – Vantaa/,
    widgets: ['aika.term-countdown', 'kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'tanne.calendar', 'vire.materials'],
  },
  { username: 'principal', title: /Principal – Vantaa/, widgets: ['lumo.bulletin', 'lumo.messages'] },
  { username: 'admin', title: /Administrator – Vantaa/, widgets: ['lumo.bulletin'] },
  {
    username: 'teacher-guardian',
    title: /Guardian – Vantaa/,
    widgets: ['kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'reissu.permissions', 'tanne.calendar'],
  },
  { username: 'espoo-teacher', title: /Teacher – Espoo/, widgets: ['kajo.schedule', 'lumo.messages', 'vire.materials'] },
];

async function readyWidgets(page: Page, count: number): Promise<string[]> {
  const states = await settledWidgets(page, count);
  assert.ok(Object.values(states).every((s) => s === 'ready'), JSON.stringify(states));
  return Object.keys(states).sort();
}

describe('every contract user gets their role dashboard', () => {
  const env = usePlatform();

  for (const expected of EXPECTED) {
    test(`${expected.username} sees ${expected.widgets.join(', ')}`, async () => {
      const context = await env.browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await signIn(page, env.platform.urls.shell, expected.username);
      await page.locator('.dashboard-title').getByText(expected.title).waitFor();
      assert.deepEqual(await readyWidgets(page, expected.widgets.length), expected.widgets);
      await context.close();
    });
  }

  test('a guardian switches between children and the schedule follows the chosen child', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'guardian');
    const child = page.getByLabel('Child');
    // d1-select's options (its native <select>'s) keep the template's whitespace around their text.
    const names = (await child.locator('option').allTextContents()).map((name) => name.trim());
    assert.equal(names.length, 2, `two children: ${names.join(', ')}`);
    const schedule = page.locator('[data-widget="kajo.schedule"]');
    await schedule.getByText(`Schedule of ${names[0]}`).waitFor();
    await child.selectOption({ label: names[1]! });
    await schedule.getByText(`Schedule of ${names[1]}`).waitFor();
    await readyWidgets(page, 3);
    await context.close();
  });

  test('a teacher who is also a guardian switches role without signing in again', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'teacher-guardian');
    const role = page.getByLabel('Role');
    assert.deepEqual((await role.locator('option').allTextContents()).map((name) => name.trim()).sort(), ['Guardian', 'Teacher']);
    // The only ALLOWED child is offered; the DISALLOWED mandate gives nothing.
    assert.equal(await page.getByLabel('Child').locator('option').count(), 1);
    await role.selectOption({ label: 'Teacher' });
    await page.locator('.dashboard-title').getByText('Teacher – Vantaa').waitFor();
    assert.equal(await page.getByLabel('Child').count(), 0);
    await readyWidgets(page, 3);
    // The choice is remembered across a reload.
    await page.reload();
    await page.locator('.dashboard-title').getByText('Teacher – Vantaa').waitFor();
    await readyWidgets(page, 3);
    await context.close();
  });
});
