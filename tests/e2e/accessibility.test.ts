import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';

describe('accessibility of the landing page and a dashboard, phone to desktop', () => {
  const env = usePlatform();

  for (const width of [320, 1280]) {
    for (const locale of ['fi-FI', 'sv-FI', 'en-GB']) {
      test(`${locale} at ${width} px: no serious axe violations and no sideways scrolling`, async () => {
        const context = await env.browser.newContext({ locale, viewport: { width, height: 800 } });
        const page = await context.newPage();
        await page.goto(env.platform.urls.shell);
        await page.locator('d1-button[variant="primary"]').waitFor();
        assert.deepEqual(await axeViolations(page), [], 'landing page');

        await signIn(page, env.platform.urls.shell, 'pupil');
        const states = await settledWidgets(page, 3);
        assert.ok(Object.values(states).every((s) => s === 'ready'), JSON.stringify(states));
        await page.locator('[data-widget="kajo.schedule"] kajo-schedule li').first().waitFor();
        assert.deepEqual(await axeViolations(page), [], 'pupil dashboard');
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.equal(overflow, 0, `the page is ${overflow} px wider than a ${width} px screen`);
        await context.close();
      });
    }
  }
});
