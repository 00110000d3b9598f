import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';

/** The contract users, one per role (architecture.md), and the languages the switcher offers. */
const ROLE_USERS = ['pupil', 'guardian', 'teacher', 'principal', 'admin'] as const;
const LOCALES = ['fi', 'sv', 'en'] as const;

/** Signs in as `username` and waits until every widget of the dashboard has settled; returns their states. */
async function openDashboard(page: Page, shellUrl: string, username: string): Promise<Record<string, string>> {
  await signIn(page, shellUrl, username);
  const count = await page.locator('[data-widget]').count();
  return settledWidgets(page, count);
}

/**
 * Functions evaluated in the page are compiled by tsx (esbuild), which wraps named inner functions in `__name(…)`:
 * define it as the identity there first (a string evaluated over the DevTools protocol, which the CSP allows).
 */
async function withNames(target: Page | Frame): Promise<void> {
  await target.evaluate('globalThis.__name ??= (f) => f');
}

/** Waits until every finite animation and transition (shadow trees included) has ended, so colours are final. */
async function transitionsDone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Components re-render a frame later, and their transitions start with the next style update: look again
    // after each wait until none is running.
    for (;;) {
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const running = document
        .getAnimations()
        .filter((a) => a.playState === 'running' && Number.isFinite(Number(a.effect?.getComputedTiming().endTime)));
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

/** Switches the UI language with the shell's own switcher and waits until `<html lang>` says so. */
async function switchLocale(page: Page, locale: string): Promise<void> {
  await page.locator(`.languages [data-locale="${locale}"]`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  // A set of toggle buttons named exactly by their languages: the active one, and only it, is pressed.
  const names = { fi: 'Suomi', sv: 'Svenska', en: 'English' } as Record<string, string>;
  for (const [other, name] of Object.entries(names)) {
    await page
      .getByRole('button', { name, exact: true, pressed: other === locale })
      .and(page.locator(`.languages [data-locale="${other}"] button`))
      .waitFor();
  }
  // The switcher's buttons change colour with a transition: axe must see the colours they end with.
  await transitionsDone(page);
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return root.scrollWidth - root.clientWidth;
  });
}

/** Widgets every frame of which settled as ready: an error frame would hide the widget's own markup from axe. */
function assertAllReady(states: Record<string, string>, where: string): void {
  assert.ok(Object.keys(states).length > 0, `${where}: the dashboard has no widgets`);
  assert.ok(Object.values(states).every((s) => s === 'ready'), `${where}: ${JSON.stringify(states)}`);
}

describe('accessibility: axe over the landing page, the statement, the provider and every role × language × width', () => {
  const env = usePlatform();

  test('landing page, accessibility statement and the provider sign-in page in fi, sv and en at 360 and 1280 px', async () => {
    const context = await env.browser.newContext({ locale: 'fi-FI', viewport: { width: 360, height: 800 } });
    const page = await context.newPage();
    const shell = env.platform.urls.shell;
    for (const width of [360, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      for (const locale of LOCALES) {
        await page.goto(shell);
        await page.locator('.landing d1-button[variant="primary"]').waitFor();
        await switchLocale(page, locale);
        assert.deepEqual(await axeViolations(page), [], `landing page, ${locale} at ${width} px`);
        assert.equal(await sidewaysScroll(page), 0, `landing page, ${locale} at ${width} px scrolls sideways`);

        // Every page's footer links to the statement; it opens in the chosen language.
        await page.locator('footer d1-link[data-link="accessibility-statement"]').click();
        await page.waitForURL((url) => url.pathname === '/accessibility');
        const statement = page.locator('[data-page="accessibility-statement"]');
        await statement.waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.lang), locale);
        // The model statement's parts: compliance status, non-accessible content, feedback, enforcement, date.
        assert.equal(await statement.locator('h1').count(), 1);
        assert.ok((await statement.locator('h2').count()) >= 5, 'the statement has its sections');
        const text = await statement.innerText();
        const authority = { fi: 'Etelä-Suomen aluehallintovirasto', sv: 'Regionförvaltningsverket i Södra Finland', en: 'Regional State Administrative Agency for Southern Finland' }[locale];
        assert.ok(text.includes(authority), `the statement in ${locale} names the enforcement authority`);
        assert.ok(text.includes('306/2019') && text.includes('saavutettavuus@avi.fi'), 'the law and the authority’s address');
        assert.ok(text.includes('2026'), 'the date it was prepared');
        assert.ok((await page.locator('footer d1-link[data-link="accessibility-statement"]').count()) === 1, 'the footer is on the statement too');
        assert.deepEqual(await axeViolations(page), [], `statement, ${locale} at ${width} px`);
        assert.equal(await sidewaysScroll(page), 0, `statement, ${locale} at ${width} px scrolls sideways`);
        // The statement's language follows the switcher without a reload.
        const other = locale === 'en' ? 'fi' : 'en';
        await switchLocale(page, other);
        await page.locator('[data-page="accessibility-statement"] h1').filter({ hasText: other === 'en' ? 'accessibility statement' : 'saavutettavuusseloste' }).waitFor();
        await switchLocale(page, locale);

        // The provider's own sign-in page, reached from the landing page in this language.
        await page.goto(shell);
        await page.locator('.landing d1-button[variant="primary"]').click();
        await page.waitForURL((url) => url.port === '4174');
        await page.locator('input[name=username]').waitFor();
        assert.deepEqual(await axeViolations(page), [], `provider sign-in page, ${locale} at ${width} px`);
        assert.equal(await sidewaysScroll(page), 0, `provider sign-in page, ${locale} at ${width} px scrolls sideways`);
      }
    }
    await context.close();
  });

  for (const username of ROLE_USERS) {
    test(`${username}'s dashboard in fi, sv and en at 360 and 1280 px: no serious or critical axe violations`, async () => {
      const context = await env.browser.newContext({ locale: 'fi-FI', viewport: { width: 360, height: 800 } });
      const page = await context.newPage();
      assertAllReady(await openDashboard(page, env.platform.urls.shell, username), username);
      const count = await page.locator('[data-widget]').count();
      for (const width of [360, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        for (const locale of LOCALES) {
          await switchLocale(page, locale);
          // Every widget re-renders in the new language; axe runs only after each one has settled again.
          assertAllReady(await settledWidgets(page, count), `${username}, ${locale} at ${width} px`);
          await transitionsDone(page);
          assert.deepEqual(await axeViolations(page), [], `${username}'s dashboard, ${locale} at ${width} px`);
          assert.equal(await sidewaysScroll(page), 0, `${username}'s dashboard, ${locale} at ${width} px scrolls sideways`);
        }
      }
      // The dark scheme, as the system setting chooses it: the tenant's dark colours and every surface the shell paints.
      await page.emulateMedia({ colorScheme: 'dark' });
      await page.waitForFunction(() => getComputedStyle(document.documentElement).colorScheme.includes('dark'));
      assertAllReady(await settledWidgets(page, count), `${username} in the dark scheme`);
      await transitionsDone(page);
      assert.deepEqual(await axeViolations(page), [], `${username}'s dashboard in the dark scheme`);
      await context.close();
    });
  }
});

/** What has keyboard focus, looked up through shadow roots; evaluated in the page (or in a widget's iframe). */
interface Focused {
  tag: string;
  /** The `data-widget` of the frame it sits in, through shadow hosts. */
  widget: string | null;
  /** A short description for messages and for recognising the shell's controls. */
  what: string;
  /** A focus indicator is drawn: a non-zero outline or a box-shadow, on it or on a shadow host around it. */
  visible: boolean;
  iframe: boolean;
}

function describeFocus(): Focused | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  if (!active || active === document.body) return null;
  const drawn = (el: Element): boolean => {
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return outline || (style.boxShadow !== 'none' && style.boxShadow !== '');
  };
  let visible = drawn(active);
  let widget: string | null = null;
  let hosts = 0;
  for (let node: Node | null = active; node; ) {
    if (node instanceof Element) {
      widget ??= node.getAttribute('data-widget');
      if (!visible && hosts > 0 && hosts <= 2 && drawn(node)) visible = true;
    }
    if (node.parentNode) node = node.parentNode;
    else if (node instanceof ShadowRoot) {
      hosts++;
      node = node.host;
    } else node = null;
  }
  // "d1-select.switcher[data-switcher=role] > select[Role…]": the element and the shadow hosts around it.
  const describe = (el: Element): string => {
    const classes = (el.getAttribute('class') ?? '').trim();
    const data = ['data-locale', 'data-switcher', 'data-link'].filter((a) => el.hasAttribute(a)).map((a) => `[${a}=${el.getAttribute(a)}]`);
    return `${el.tagName.toLowerCase()}${classes ? `.${classes.split(/\s+/).join('.')}` : ''}${data.join('')}`;
  };
  const chain: string[] = [];
  for (let el: Element | null = active; el; el = (el.getRootNode() as ShadowRoot).host ?? null) chain.unshift(describe(el));
  // A component's inner control shows slotted text: name it by its outermost host's text when it has none itself.
  let outer: Element = active;
  while ((outer.getRootNode() as ShadowRoot).host) outer = (outer.getRootNode() as ShadowRoot).host;
  const own = (active.getAttribute('aria-label') ?? (active as HTMLElement).innerText ?? '').trim();
  const label = (own || (outer as HTMLElement).innerText || '').trim().slice(0, 40);
  return {
    tag: active.tagName.toLowerCase(),
    widget,
    what: `${chain.join(' > ')}[${label}]`,
    visible,
    iframe: active.tagName === 'IFRAME',
  };
}

/** The focused element, following focus into a widget's (cross-origin) iframe to check its focus indicator there. */
async function focused(page: Page): Promise<Focused | null> {
  await withNames(page);
  const top = await page.evaluate(describeFocus);
  if (!top?.iframe) return top;
  const handle = await page.evaluateHandle(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  });
  const frame: Frame | null = (await handle.asElement()?.contentFrame()) ?? null;
  if (frame) await withNames(frame);
  const inner = frame ? await frame.evaluate(describeFocus) : null;
  return inner ? { ...inner, widget: top.widget, what: `iframe > ${inner.what}` } : top;
}

describe('accessibility: keyboard only', () => {
  const env = usePlatform();

  test('Tab reaches the skip link, languages, role and child switchers, sign-out and every widget, each with visible focus; a role switch moves focus to main', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    // A teacher who is also a guardian: the role switcher and, as guardian, the child switcher.
    assertAllReady(await openDashboard(page, env.platform.urls.shell, 'teacher-guardian'), 'teacher-guardian');
    const widgets = await page.evaluate(() => [...document.querySelectorAll('[data-widget]')].map((f) => f.getAttribute('data-widget')!));

    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const first = await focused(page);
    assert.match(first?.what ?? '', /skip-link/, 'the first Tab stop is the skip link');
    assert.ok(first?.visible, 'the skip link shows its focus');

    const reached: Focused[] = [first!];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (!now) continue;
      if (/skip-link/.test(now.what)) break; // round the page once
      reached.push(now);
    }
    const invisible = reached.filter((f) => !f.visible).map((f) => `${f.widget ?? 'shell'}: ${f.what}`);
    assert.deepEqual(invisible, [], 'every focused element shows a focus indicator');
    const shellStops = reached.filter((f) => f.widget === null).map((f) => f.what);
    for (const [name, pattern] of [
      ['the language switcher', /\[data-locale=(fi|sv|en)\]/],
      ['the role switcher', /\[data-switcher=role\]/],
      ['sign-out', /\[Sign out\]$/],
      ['the footer’s statement link', /\[data-link=accessibility-statement\]/],
    ] as const) {
      assert.ok(shellStops.some((what) => pattern.test(what)), `${name} is reached by Tab: ${JSON.stringify(shellStops)}`);
    }
    // Every widget that offers an action (a link, button, field or its iframe; locators pierce shadow roots) is
    // reached. A read-only widget would have nothing to focus.
    const withActions: string[] = [];
    for (const widget of widgets) {
      const actions = page.locator(`[data-widget="${widget}"]`).locator('a[href], button, input, select, textarea, iframe, [tabindex="0"]');
      if ((await actions.count()) > 0) withActions.push(widget);
    }
    assert.ok(withActions.length >= 2, `widgets with actions: ${JSON.stringify(withActions)}`);
    // The inbox opens a message, the calendar moves between weeks: both from the keyboard.
    for (const widget of ['lumo.messages', 'tanne.calendar']) assert.ok(withActions.includes(widget), `${widget} has an action`);
    const widgetsReached = new Set(reached.map((f) => f.widget).filter((w) => w !== null));
    assert.deepEqual(withActions.filter((w) => !widgetsReached.has(w)), [], 'Tab reaches an action in every widget that has one');

    // The skip link takes focus to the main landmark.
    await page.locator('.skip-link').focus(); // reached by Tab above; put back on it for Enter
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');

    // Role switch by keyboard: focus lands on <main>, which now holds the guardian's dashboard.
    const roleSelect = page.locator('d1-select[data-switcher="role"] select');
    await roleSelect.focus();
    const current = await roleSelect.inputValue();
    const options = await roleSelect.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const target = options.find((o) => o !== current)!;
    await page.keyboard.press(options.indexOf(target) > options.indexOf(current) ? 'ArrowDown' : 'ArrowUp');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.equal(await roleSelect.inputValue(), target);
    await settledWidgets(page, await page.locator('[data-widget]').count());

    await context.close();

    // A guardian of two children: the child switcher is reached by Tab and switches child from the keyboard, and
    // focus again lands on <main>.
    const guardianContext = await env.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const guardian = await guardianContext.newPage();
    assertAllReady(await openDashboard(guardian, env.platform.urls.shell, 'guardian'), 'guardian');
    await guardian.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let onChildSwitcher = false;
    for (let i = 0; i < 20 && !onChildSwitcher; i++) {
      await guardian.keyboard.press('Tab');
      const now = await focused(guardian);
      onChildSwitcher = /\[data-switcher=child\]/.test(now?.what ?? '');
      if (onChildSwitcher) assert.ok(now?.visible, 'the child switcher shows its focus');
    }
    assert.ok(onChildSwitcher, 'Tab reaches the child switcher');
    const childSelect = guardian.locator('d1-select[data-switcher="child"] select');
    const child = await childSelect.inputValue();
    const children = await childSelect.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.ok(children.length >= 2, 'the guardian has two children');
    await guardian.keyboard.press(children.indexOf(child) < children.length - 1 ? 'ArrowDown' : 'ArrowUp');
    await guardian.waitForFunction(() => document.activeElement?.id === 'main');
    assert.notEqual(await childSelect.inputValue(), child, 'the child switcher changed child');
    await settledWidgets(guardian, await guardian.locator('[data-widget]').count());
    await guardianContext.close();
  });
});

/**
 * WCAG 1.4.12 text spacing, applied as a constructed stylesheet (CSSOM, so the shell's CSP allows it) to the document
 * and to every shadow root, where the components' and widgets' own text lives.
 */
function applyTextSpacing(): number {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(
    '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } ' +
      'p { margin-block-end: 2em !important; }',
  );
  let roots = 0;
  const visit = (root: Document | ShadowRoot): void => {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    roots++;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return roots;
}

/** Text containers whose text is cut off by an `overflow: hidden | clip` box (visually hidden 1 px text aside). */
function clippedText(): string[] {
  const clipped: string[] = [];
  const visit = (root: Document | ShadowRoot): void => {
    for (const el of root.querySelectorAll<HTMLElement>('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const style = getComputedStyle(el);
      const hides = (v: string) => v === 'hidden' || v === 'clip';
      if (!hides(style.overflowX) && !hides(style.overflowY)) continue;
      if (el.clientWidth <= 1 || el.clientHeight <= 1) continue;
      const text = (el.innerText ?? el.textContent ?? '').trim();
      if (!text) continue;
      const overY = hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1;
      const overX = hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      if (overY || overX) clipped.push(`${el.tagName.toLowerCase()}.${el.className}[${text.slice(0, 30)}] ${el.scrollWidth}x${el.scrollHeight} in ${el.clientWidth}x${el.clientHeight}`);
    }
  };
  visit(document);
  return clipped;
}

describe('accessibility: zoom to 200 % and text spacing', () => {
  const env = usePlatform();

  for (const username of ROLE_USERS) {
    test(`${username}'s dashboard at 640 px × 2 and 320 px: no sideways scrolling, nothing clipped with WCAG text spacing`, async () => {
      for (const { width, deviceScaleFactor } of [
        { width: 640, deviceScaleFactor: 2 }, // a 1280 px screen zoomed to 200 %
        { width: 320, deviceScaleFactor: 1 }, // reflow (WCAG 1.4.10)
      ]) {
        const context = await env.browser.newContext({ locale: 'fi-FI', viewport: { width, height: 800 }, deviceScaleFactor });
        const page = await context.newPage();
        const states = await openDashboard(page, env.platform.urls.shell, username);
        assertAllReady(states, `${username} at ${width} px`);
        assert.equal(await sidewaysScroll(page), 0, `${username} at ${width} px scrolls sideways`);
        await withNames(page);
        assert.ok((await page.evaluate(applyTextSpacing)) > 1, 'the spacing reached the shadow roots');
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        assert.deepEqual(await page.evaluate(clippedText), [], `${username} at ${width} px with text spacing: clipped text`);
        assert.equal(await sidewaysScroll(page), 0, `${username} at ${width} px with text spacing scrolls sideways`);
        await context.close();
      }
    });
  }
});
