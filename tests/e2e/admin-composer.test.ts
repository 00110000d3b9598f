import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';
import { announcement, hasFocusWithin, openSettingsByKeyboard, order, saved, tabTo } from './admin-helpers.ts';

async function openComposer(page: Page, shellUrl: string): Promise<void> {
  await signIn(page, shellUrl, 'admin');
  await page.goto(new URL('/admin/dashboards/pupil', shellUrl).href);
  await page.locator('digione-composer d1-card[data-instance="schedule"]').waitFor();
}

describe('the dashboard composer', () => {
  const env = usePlatform();

  test('an admin adds, moves and configures a widget by keyboard only; the draft survives a reload and, published, reaches the pupil', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await openComposer(page, env.platform.urls.shell);
    assert.deepEqual(await order(page), ['schedule', 'messages', 'bulletin', 'calendar', 'materials']);

    // Add: from the page to "Add a service", then the dialog, all with the keyboard.
    await tabTo(page, page.locator('digione-composer d1-button[data-action="add"]'));
    await page.keyboard.press('Enter');
    const addDialog = page.locator('digione-composer d1-dialog[data-dialog="add"]');
    const service = addDialog.locator('d1-select[data-field="widget"]');
    await service.locator('select').waitFor();
    assert.ok(await hasFocusWithin(service), 'the dialog opens on the service field');
    // Only the approved widgets made for pupils are offered (aika.term-countdown is for teachers only).
    const offered = await service.locator('select option:not([value=""])').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(offered.sort(), ['kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'tanne.calendar', 'vire.materials']);
    // Sorted by title, "Announcements" (lumo.bulletin) comes first.
    await page.keyboard.press('ArrowDown');
    await tabTo(page, addDialog.locator('[data-action="add-confirm"]'));
    await page.keyboard.press('Enter');
    await announcement(page, 'Announcements added at position 6 of 6.');
    const added = page.locator('digione-composer d1-card[data-instance="bulletin-2"]');
    assert.equal(await added.getAttribute('size'), 'm');
    assert.ok(await hasFocusWithin(added), 'focus goes to the new card');

    // Move it one place earlier with its own button; focus stays on it.
    await tabTo(page, added.locator('[data-action="earlier"]'));
    await page.keyboard.press('Enter');
    await announcement(page, 'Announcements moved to position 5 of 6.');
    assert.deepEqual(await order(page), ['schedule', 'messages', 'bulletin', 'calendar', 'bulletin-2', 'materials']);
    assert.ok(await hasFocusWithin(added), 'focus stays on the moved card');

    // Configure: an invalid value is refused next to its field, a valid one is applied and saved.
    const { dialog: configDialog, limit } = await openSettingsByKeyboard(page, added);
    assert.equal(await limit.locator('input').inputValue(), '10', 'the schema default');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('25');
    await page.keyboard.press('Tab');
    await limit.getByText('Must be at most 20.').waitFor();
    const describedBy = await limit.locator('input').getAttribute('aria-describedby');
    assert.ok(describedBy, 'the field is described');
    assert.match((await limit.locator(`#${describedBy.split(' ')[0]}`).textContent()) ?? '', /Must be at most 20\./);
    await tabTo(page, limit, true);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');
    await tabTo(page, configDialog.locator('[data-action="apply"]'));
    await page.keyboard.press('Enter');
    await announcement(page, 'Settings of Announcements changed.');
    await saved(page);

    // The draft is kept on the server: a reload shows it.
    await page.reload();
    await page.locator('digione-composer d1-card[data-instance="bulletin-2"]').waitFor();
    assert.deepEqual(await order(page), ['schedule', 'messages', 'bulletin', 'calendar', 'bulletin-2', 'materials']);
    await page.locator('digione-composer').getByText('You are editing the draft').waitFor();
    await page.locator('digione-composer d1-card[data-instance="bulletin-2"] [data-action="configure"]').click();
    assert.equal(await page.locator('digione-composer d1-text-field[data-field="limit"] input').inputValue(), '2', 'the config is kept');
    await page.keyboard.press('Escape');

    // Publish (the admin area's button), then the pupil sees it on their next load.
    await page.locator('d1-button[data-action="publish"]').click();
    await page.locator('digione-composer').getByText('published version 2').waitFor();
    await context.close();

    const pupil = await env.browser.newContext({ locale: 'en-GB' });
    const pupilPage = await pupil.newPage();
    await signIn(pupilPage, env.platform.urls.shell, 'pupil');
    await settledWidgets(pupilPage, 6);
    const widgets = await pupilPage.locator('[data-widget]').evaluateAll((frames) => frames.map((f) => f.getAttribute('data-widget')));
    assert.deepEqual(widgets, ['kajo.schedule', 'lumo.messages', 'lumo.bulletin', 'tanne.calendar', 'lumo.bulletin', 'vire.materials']);
    // The new instance's config reached the widget: it lists 2 announcements where the first lists them all.
    const bulletins = pupilPage.locator('[data-widget="lumo.bulletin"]');
    // Each announcement is a <details> (the frame's d1-card is an <article> itself).
    await bulletins.nth(1).locator('details').first().waitFor();
    assert.equal(await bulletins.nth(1).locator('details').count(), 2);
    assert.ok((await bulletins.nth(0).locator('details').count()) > 2);
    await pupil.close();
  });

  test('an admin reorders by drag and drop, and the order is saved', async () => {
    // Tall enough for the first and the last card at once: a drag that has to scroll the page is another test.
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 2000 } });
    const page = await context.newPage();
    await openComposer(page, env.platform.urls.shell);
    const start = await order(page);
    // Grabbed by its header (the middle of a card holds its controls, where a press starts no drag).
    const grip = { x: 24, y: 16 };
    await page
      .locator('digione-composer d1-card[data-instance="materials"]')
      .dragTo(page.locator('digione-composer d1-card[data-instance="schedule"]'), { sourcePosition: grip, targetPosition: grip });
    // The first test may have published a sixth instance: the count is the layout's.
    await announcement(page, `Learning materials moved to position 1 of ${start.length}.`);
    const expected = ['materials', ...start.filter((id) => id !== 'materials')];
    assert.deepEqual(await order(page), expected);
    await saved(page);
    // The composer's part of the page (the admin area around it is checked by its own suite).
    assert.deepEqual((await axeViolations(page)).filter((line) => line.includes('digione-composer')), []);
    await page.reload();
    await page.locator('digione-composer d1-card[data-instance="schedule"]').waitFor();
    assert.deepEqual(await order(page), expected);
    await context.close();
  });
});
