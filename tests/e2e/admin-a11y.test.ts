/**
 * Issue 8 point 7, "all of it in fi/sv/en, accessible, usable on a tablet", over the whole admin area: the catalogue
 * (with its approval dialog open), the Dashboards section with the composer (with its add dialog open) and a running
 * "Preview as", the audit log and the theme editor pass axe (WCAG 2.1 AA, serious and critical) in Finnish, Swedish
 * and English at 1280 px and at a tablet's 768 px, where nothing scrolls sideways either; and no English admin string
 * is left in the Finnish or the Swedish UI. One signed-in browser context per language; the width changes in place.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Locale } from '@digione/sdk';
import { ADMIN_STRINGS } from '../../shell/src/admin/strings.ts';
import { composerStrings } from '../../shell/src/admin/composer/strings.ts';
import { THEME_STRINGS } from '../../shell/src/admin/theme-strings.ts';
import { axeViolations, signIn, usePlatform } from './harness.ts';
import { previewFrame } from './admin-helpers.ts';

const WIDTHS = [1280, 768] as const;

/** Every string leaf of a strings object, by its key path. */
function leaves(value: unknown, path = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') into.set(path, value);
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) leaves(child, path ? `${path}.${key}` : key, into);
  }
  return into;
}

/** The admin area's strings of `locale` (area, composer, theme editor), by key path. */
function adminStrings(locale: Locale): Map<string, string> {
  const all = new Map<string, string>();
  for (const [prefix, source] of [
    ['area', ADMIN_STRINGS[locale]],
    ['composer', composerStrings[locale]],
    ['theme', THEME_STRINGS[locale]],
  ] as const) {
    for (const [key, text] of leaves(source)) all.set(`${prefix}.${key}`, text);
  }
  return all;
}

/** A template as a whole-text matcher: `{{name}}` placeholders match any text. */
function matcher(template: string): RegExp {
  const parts = template.split(/\{\{\w+\}\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.+?')}$`, 's');
}

/**
 * The English strings that must not show in `locale`: each English template (as a matcher) whose translation differs
 * (a string that is the same in both languages, such as "Version" in Swedish, is not a leftover).
 */
function englishLeftovers(locale: Locale): Array<{ key: string; english: string; match: RegExp; translation: RegExp | undefined }> {
  const translated = adminStrings(locale);
  return [...adminStrings('en')]
    // A template of placeholders and punctuation only says nothing in any language.
    .filter(([key, english]) => english.replace(/\{\{\w+\}\}|[\s\p{P}]/gu, '').length > 1 && translated.get(key) !== english)
    .map(([key, english]) => {
      const translation = translated.get(key);
      return { key, english, match: matcher(english), translation: translation === undefined ? undefined : matcher(translation) };
    });
}

/**
 * What the page says to a user: every rendered text node (shadow roots included; visually hidden text too, since a
 * screen reader reads it) and the texts given in attributes (labels, headings, accessible names, placeholders).
 */
function pageTexts(page: Page): Promise<string[]> {
  // A string, not a function: the test runner's transpiler would add helpers (`__name`) that the page does not have.
  return page.evaluate(`(() => {
    const texts = [];
    const attributes = ['aria-label', 'title', 'placeholder', 'alt', 'label', 'heading', 'hint'];
    const visit = (node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        const parent = node.parentElement;
        const text = (node.textContent ?? '').replace(/\\s+/g, ' ').trim();
        // A closed select's options are not rendered, yet they are what the user chooses from.
        const shown = parent && (parent.tagName === 'OPTION' || parent.checkVisibility());
        if (text && shown && !['SCRIPT', 'STYLE'].includes(parent.tagName)) texts.push(text);
        return;
      }
      if (node instanceof Element) {
        if (!node.checkVisibility() && node.tagName !== 'OPTION') return;
        // The language switcher names each language in that language ("English"), by contract.
        if (node.classList.contains('languages')) return;
        for (const name of attributes) {
          const value = node.getAttribute(name)?.replace(/\\s+/g, ' ').trim();
          if (value) texts.push(value);
        }
        if (node.shadowRoot) visit(node.shadowRoot);
        // A preview frame's document is the shell as a user sees it, checked by the shell's own suites.
        if (node instanceof HTMLIFrameElement) return;
      }
      for (const child of node.childNodes) visit(child);
    };
    visit(document.body);
    return texts;
  })()`);
}

/** Fails with every text on the page that is an English admin string left untranslated in `locale`. */
async function assertNoEnglish(page: Page, locale: Locale, where: string): Promise<void> {
  if (locale === 'en') return;
  const leftovers = englishLeftovers(locale);
  const found = new Set<string>();
  for (const text of await pageTexts(page)) {
    for (const { key, english, match, translation } of leftovers) {
      if (match.test(text) && !translation?.test(text)) found.add(`${key}: "${english}" as "${text}"`);
    }
  }
  assert.deepEqual([...found], [], `${where} in ${locale} shows English`);
}

/** Waits until layout has settled after a resize (two frames), so that axe and the widths read the new layout. */
function nextFrames(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** axe at each width, and no sideways scrolling at any of them (the document's own scroll width). */
async function checkWidths(page: Page, where: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 1000 });
    await nextFrames(page);
    assert.deepEqual(await axeViolations(page), [], `${where} at ${width} px`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(sideways <= 0, `${where} at ${width} px scrolls sideways by ${sideways} px`);
  }
  await page.setViewportSize({ width: WIDTHS[0], height: 1000 });
}

describe('the admin area in fi, sv and en, at desktop and tablet widths', () => {
  const env = usePlatform();

  for (const [locale, browserLocale] of [
    ['fi', 'fi-FI'],
    ['sv', 'sv-SE'],
    ['en', 'en-GB'],
  ] as const) {
    test(`${locale}: catalogue, dashboards with the composer and Preview as, audit log and theme pass axe, fit a tablet and speak ${locale}`, async () => {
      const shell = env.platform.urls.shell;
      const text = ADMIN_STRINGS[locale];
      const context = await env.browser.newContext({ locale: browserLocale, viewport: { width: WIDTHS[0], height: 1000 } });
      const page = await context.newPage();
      await signIn(page, shell, 'admin');
      assert.equal(await page.evaluate(() => document.documentElement.lang), locale);
      const heading = (name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

      // The catalogue, then with the approval dialog of a service open.
      await page.goto(`${shell}/admin/catalogue`);
      await heading(text.sections.catalogue);
      await page.locator('.catalogue[data-state="ready"]').waitFor();
      await assertNoEnglish(page, locale, 'the catalogue');
      await checkWidths(page, 'the catalogue');
      await page.locator('[data-catalogue-widget="lumo.bulletin"] d1-button[data-action="approve"]').click();
      const approve = page.locator('d1-dialog[data-dialog="approve"]');
      await approve.getByRole('dialog').waitFor();
      await assertNoEnglish(page, locale, 'the approval dialog');
      await checkWidths(page, 'the approval dialog');
      await page.keyboard.press('Escape');
      await approve.getByRole('dialog').waitFor({ state: 'hidden' });

      // Dashboards: the composer, its add dialog, then a running preview as the pupil test account.
      await page.goto(`${shell}/admin/dashboards/pupil`);
      await heading(text.sections.dashboards);
      await page.locator('digione-composer d1-card[data-instance="schedule"]').waitFor();
      await page.locator('[data-history] tr[data-version]').first().waitFor();
      await page.locator('digione-preview-as d1-select[data-preview-persona]').waitFor();
      await assertNoEnglish(page, locale, 'the Dashboards section');
      await checkWidths(page, 'the Dashboards section');
      await page.locator('digione-composer d1-button[data-action="add"]').click();
      const add = page.locator('digione-composer d1-dialog[data-dialog="add"]');
      await add.locator('d1-select[data-field="widget"] select').waitFor();
      await assertNoEnglish(page, locale, 'the composer’s add dialog');
      await checkWidths(page, 'the composer’s add dialog');
      await page.keyboard.press('Escape');
      await add.getByRole('dialog').waitFor({ state: 'hidden' });
      await page.locator('digione-preview-as d1-button[data-preview-start]').click();
      await page.locator('digione-preview-as iframe[data-preview-width="1280"]').waitFor();
      const frame = await previewFrame(page, 1280);
      await frame.locator('[data-preview-banner="sandbox-pupil"]').waitFor();
      await assertNoEnglish(page, locale, 'Preview as');
      await checkWidths(page, 'Preview as');

      // The audit log (it has the preview's entry by now) and the theme editor with its live preview.
      await page.goto(`${shell}/admin/audit`);
      await heading(text.sections.audit);
      await page.locator('d1-table[data-audit][data-state="ready"]').waitFor();
      await assertNoEnglish(page, locale, 'the audit log');
      await checkWidths(page, 'the audit log');

      await page.goto(`${shell}/admin/theme`);
      await heading(text.sections.theme);
      await page.locator('[data-preview="light"]').waitFor();
      await assertNoEnglish(page, locale, 'the theme editor');
      await checkWidths(page, 'the theme editor');
      await context.close();
    });
  }
});
