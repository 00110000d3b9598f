import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { signIn, usePlatform } from './harness.ts';

/**
 * Municipal themes end to end (issue 7 point 1, issue 8 point 5): the shell applies each user's tenant theme from the
 * registry before the dashboard shows, in the light and the dark scheme, and switches it with the tenant; the admin's
 * theme editor names failing colour pairs and refuses to save them, and a saved theme reaches users on their next load.
 * Colours are read as users see them: computed styles of the header's top edge and of a primary button.
 */

/** `#rrggbb` as getComputedStyle writes it. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** What the page shows of the brand: header edge, a primary button's fill, the tenant on <html> and its name. */
async function brand(page: Page): Promise<{ edge: string; button: string; tenant: string | undefined; name: string }> {
  return page.evaluate(async () => {
    const header = document.getElementById('header')!;
    const primary = document.querySelector('#header .languages d1-button[variant="primary"]');
    const inner = primary?.shadowRoot?.querySelector('button');
    // The button eases into a new tenant's colour: read it once its transition has run.
    await Promise.all((inner?.getAnimations() ?? []).map((animation) => animation.finished));
    return {
      edge: getComputedStyle(header).borderTopColor,
      button: inner ? getComputedStyle(inner).backgroundColor : '',
      tenant: document.documentElement.dataset['d1Tenant'],
      name: document.querySelector('#header .tenant')?.textContent?.trim() ?? '',
    };
  });
}

async function signedIn(browser: Browser, shell: string, username: string, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ locale: 'en-GB', colorScheme });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await signIn(page, shell, username);
  return { context, page, errors };
}

describe('municipal themes', () => {
  const env = usePlatform();

  test('a Vantaa pupil sees Vantaa’s colours and name, in the light and the dark scheme', async () => {
    for (const [scheme, primary] of [
      ['light', '#a4231c'],
      ['dark', '#ffb4a9'],
    ] as const) {
      const { context, page, errors } = await signedIn(env.browser, env.platform.urls.shell, 'pupil', scheme);
      await page.locator('.dashboard-title').getByText(/Pupil – Vantaa/).waitFor();
      assert.deepEqual(await brand(page), { edge: rgb(primary), button: rgb(primary), tenant: 'vantaa', name: 'Vantaa' }, scheme);
      assert.deepEqual(errors.filter((e) => e.includes('theme')), []);
      await context.close();
    }
  });

  test('an Espoo teacher sees Espoo’s colours and name', async () => {
    const { context, page } = await signedIn(env.browser, env.platform.urls.shell, 'espoo-teacher');
    await page.locator('.dashboard-title').getByText(/Espoo/).waitFor();
    assert.deepEqual(await brand(page), { edge: rgb('#004996'), button: rgb('#004996'), tenant: 'espoo', name: 'Espoo' });
    await context.close();
  });

  test('the guardian switching to Ella (Espoo) gets Espoo’s theme, and Vantaa’s back with Oona', async () => {
    const { context, page } = await signedIn(env.browser, env.platform.urls.shell, 'guardian-two-cities');
    await page.locator('.dashboard-title').getByText(/Guardian – Vantaa/).waitFor();
    assert.equal((await brand(page)).button, rgb('#a4231c'));
    await page.getByLabel('Child').selectOption({ label: 'Ella Kokeilu' });
    await page.locator('.dashboard-title').getByText(/Guardian – Espoo/).waitFor();
    assert.deepEqual(await brand(page), { edge: rgb('#004996'), button: rgb('#004996'), tenant: 'espoo', name: 'Espoo' });
    await page.getByLabel('Child').selectOption({ label: 'Oona Kaksinen' });
    await page.locator('.dashboard-title').getByText(/Guardian – Vantaa/).waitFor();
    assert.equal((await brand(page)).edge, rgb('#a4231c'));
    await context.close();
  });

  test('admin: a failing colour is named and cannot be saved; a passing one is saved and the pupil sees it next load', async () => {
    const { context, page } = await signedIn(env.browser, env.platform.urls.shell, 'admin');
    await page.goto(`${env.platform.urls.shell}/admin/theme`);
    await page.getByRole('heading', { level: 1, name: 'Theme' }).waitFor();
    const primary = page.locator('d1-text-field[name="light.primary"] input');
    const save = page.locator('.theme-editor d1-button[type="submit"]');
    await primary.fill('#777777');
    const problems = page.locator('[data-problems-for="light.primary"] li');
    await problems.first().waitFor();
    assert.deepEqual(await problems.allTextContents(), [
      'Primary colour on cards: #777777 on #ffffff is 4.47:1, needs 4.5:1.',
      'Primary colour on the page background: #777777 on #f4f6f9 is 4.13:1, needs 4.5:1.',
    ]);
    assert.deepEqual(await page.locator('[data-problems-for="light.onPrimary"] li').allTextContents(), [
      'Text on the primary colour: #ffffff on #777777 is 4.47:1, needs 4.5:1.',
    ]);
    assert.equal(await save.getAttribute('disabled'), '');
    await page.locator('[data-preview="unavailable"]').waitFor();

    // A passing green and a logo: the check clears, the preview shows it in both schemes, save goes through.
    const logo = `${env.platform.urls.shell}/vantaa-logo.svg`;
    await page.locator('d1-text-field[name="logo"] input').fill(logo);
    await primary.fill('#1d5e2f');
    await page.locator('[data-problems-for="light.primary"]').waitFor({ state: 'detached' });
    await page.locator('[data-preview="light"]').waitFor();
    const previewButton = await page
      .locator('[data-preview="light"] d1-button[variant="primary"]')
      .evaluate((el) => getComputedStyle(el.shadowRoot!.querySelector('button')!).backgroundColor);
    assert.equal(previewButton, rgb('#1d5e2f'));
    assert.equal(await save.getAttribute('disabled'), null);
    await save.click();
    await page.locator('[data-theme-outcome="saved"]').waitFor();
    await context.close();

    const pupil = await signedIn(env.browser, env.platform.urls.shell, 'pupil');
    await pupil.page.locator('.dashboard-title').getByText(/Pupil – Vantaa/).waitFor();
    assert.equal((await brand(pupil.page)).button, rgb('#1d5e2f'));
    // The header shows the logo, named by the tenant's name.
    const img = pupil.page.locator('#header img.tenant-logo');
    assert.deepEqual([await img.getAttribute('src'), await img.getAttribute('alt')], [logo, 'Vantaa']);
    await pupil.context.close();
  });
});
