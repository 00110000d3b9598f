/**
 * Helpers that the admin area's end-to-end suites share (admin-composer, admin-preview, admin-journey, admin-a11y):
 * moving focus the way a keyboard user does, the catalogue's revoke confirmation, the composer's settings dialog, save
 * state and live region, and the documents inside the "Preview as" frames.
 */
import assert from 'node:assert/strict';
import type { Frame, Locator, Page } from 'playwright-core';

/** The composer's cards, in order, by instance id. */
export function order(page: Page): Promise<string[]> {
  return page.locator('digione-composer d1-card').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-instance') ?? ''));
}

/** Whether focus (through shadow roots) is inside the element `locator` names. */
export function hasFocusWithin(locator: Locator): Promise<boolean> {
  return locator.evaluate((element) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    for (let node: Node | null = active; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
      if (node === element) return true;
    }
    return false;
  });
}

/**
 * Presses Tab (Shift+Tab when `back`) until focus is inside `target`: the way a keyboard user gets there. `limit`
 * bounds the presses so that an unreachable control fails the test instead of hanging it.
 */
export async function tabTo(page: Page, target: Locator, back = false, limit = 40): Promise<void> {
  for (let presses = 0; presses < limit; presses++) {
    if (await hasFocusWithin(target)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  if (await hasFocusWithin(target)) return;
  assert.fail(`Tab never reached ${target.toString()}`);
}

/** Waits until the composer's polite live region has said `text`. */
export async function announcement(page: Page, text: string): Promise<void> {
  await page.locator('digione-composer [data-announcements]').filter({ hasText: text }).waitFor({ state: 'attached' });
}

/** Waits until the composer says every change is saved as a draft (its `data-save-state`). */
export function saved(page: Page): Promise<void> {
  return page.locator('digione-composer[data-save-state="saved"]').waitFor({ timeout: 10_000 });
}

/** The document inside the "Preview as" frame of `width`. */
export async function previewFrame(page: Page, width: 360 | 1280): Promise<Frame> {
  const handle = await page.locator(`digione-preview-as iframe[data-preview-width="${width}"]`).elementHandle();
  const frame = await handle?.contentFrame();
  assert.ok(frame, `the ${width} px preview frame has a document`);
  return frame;
}

/** Waits until the frame's widgets have all settled (scrolling deferred ones near) and returns their ids and states. */
export async function settledIn(frame: Frame, expected: number): Promise<Array<[string, string]>> {
  await frame.waitForFunction((count) => {
    const frames = [...document.querySelectorAll('[data-widget]')];
    frames.find((f) => f.hasAttribute('data-deferred'))?.scrollIntoView({ block: 'center' });
    return frames.length >= count && frames.every((f) => f.getAttribute('data-state') !== 'loading');
  }, expected);
  return frame.evaluate(() =>
    [...document.querySelectorAll('[data-widget]')].map((f): [string, string] => [f.getAttribute('data-widget') ?? '', f.getAttribute('data-state') ?? '']),
  );
}

/** Revokes the catalogue entry `entry` as an admin does: its Revoke button, then Confirm in the dialog that asks. */
export async function revokeWithConfirmation(page: Page, entry: Locator): Promise<void> {
  await entry.locator('d1-button[data-action="revoke"]').click();
  const dialog = page.locator('d1-dialog[data-dialog="revoke"]');
  await dialog.getByRole('dialog').waitFor();
  await dialog.locator('d1-button[data-confirm]').click();
}

/**
 * Opens the settings of the composer card `card` by keyboard (Tab to its Configure button, Enter) and returns the
 * settings dialog and its `limit` field, after checking that focus starts on that first field.
 */
export async function openSettingsByKeyboard(page: Page, card: Locator): Promise<{ dialog: Locator; limit: Locator }> {
  await tabTo(page, card.locator('[data-action="configure"]'));
  await page.keyboard.press('Enter');
  const dialog = page.locator('digione-composer d1-dialog[data-dialog="config"]');
  const limit = dialog.locator('d1-text-field[data-field="limit"]');
  await limit.locator('input').waitFor();
  assert.ok(await hasFocusWithin(limit), 'the settings open on the first field');
  return { dialog, limit };
}
