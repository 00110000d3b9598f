import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { getDataset } from '../../sandbox/src/data/dataset.ts';
import { SCHOOL_OID } from '../../sandbox/src/data/schools.ts';
import { axeViolations, settledWidgets, signIn, usePlatform } from './harness.ts';
import { submitProviderForm } from './identity-helpers.ts';

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

/** The register behind the identity personas (sandbox/src/data/gen-identity.ts), to name what each must see. */
const data = getDataset();

/** Names of the teachers of a group's courses, as the schedule shows them to pupils and guardians. */
function teachersOf(groupId: string): Set<string> {
  return new Set(
    (data.coursesByGroup.get(groupId) ?? []).map((c) => {
      const person = data.personByOid.get(data.staffById.get(c.teacherId)?.personOid ?? '');
      return `${person?.givenName} ${person?.familyName}`;
    }),
  );
}

/** Rooms where the group has lessons. */
function roomsOf(groupId: string): Set<string> {
  return new Set(data.timetable.filter((s) => s.groupId === groupId).map((s) => s.room));
}

/**
 * The lessons the schedule widget shows, as `[who, room]` pairs (who: the teacher for a pupil or guardian, the group
 * for a teacher), once it shows any. Its week is the real current one: the data set's timetables repeat every school week.
 */
async function shownLessons(page: Page): Promise<Array<[who: string, room: string]>> {
  const lessons = page.locator('[data-widget="kajo.schedule"] kajo-schedule li .meta');
  await lessons
    .first()
    .waitFor()
    .catch(async (error: unknown) => {
      throw new Error(`no lessons shown: ${await page.locator('[data-widget="kajo.schedule"]').innerText()}`, { cause: error });
    });
  return (await lessons.allTextContents()).map((text) => {
    const [who = '', room = ''] = text.split(' · ');
    return [who.trim(), room.trim().replace(/^Room /, '')];
  });
}

describe('the identity personas see their own register data', () => {
  const env = usePlatform();

  test('the substitute teacher sees the first school\'s lessons, and inbox and bulletins of both schools, on the teacher dashboard', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'substitute');
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    assert.deepEqual(await readyWidgets(page, 6), ['aika.term-countdown', 'kajo.schedule', 'lumo.bulletin', 'lumo.messages', 'tanne.calendar', 'vire.materials']);
    // One role in two schools of one tenant: no role to switch. The schedule is of the school chosen in the header
    // (the first one until another is chosen; the school switcher has its own test below).
    assert.equal(await page.getByLabel('Role').count(), 0);
    const lessons = await shownLessons(page);
    const testimaki = lessons.filter(([group, room]) => group === '9B' && roomsOf('99001-9B').has(room));
    assert.ok(testimaki.length > 0, `Testimäki's lessons: ${JSON.stringify(lessons)}`);
    assert.equal(testimaki.length, lessons.length, 'only the group they cover at Testimäki');
    const inbox = page.locator('[data-widget="lumo.messages"]');
    await inbox.getByText('Sijaisuus 9B:llä').waitFor();
    await inbox.getByText('Vikariat i 8A').waitFor();
    const bulletin = page.locator('[data-widget="lumo.bulletin"]');
    await bulletin.getByText('Testimäen yhtenäiskoulu').first().waitFor();
    await bulletin.getByText('Testbackens svenska skola').first().waitFor();
    await context.close();
  });

  test('the substitute teacher switches school without a reload, each school\'s lessons only, and the choice is remembered', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    // The school each dashboard was asked for (the registry refines the role's dashboard by the school's).
    const asked: Array<string | null> = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname === '/v1/dashboard') asked.push(url.searchParams.get('school'));
    });
    await signIn(page, env.platform.urls.shell, 'substitute');
    const school = page.getByLabel('School', { exact: true });
    const lessonsOf = (group: string) => page.locator('[data-widget="kajo.schedule"] kajo-schedule li .meta').filter({ hasText: `${group} ·` });
    /** Waits for the schedule of `group`'s school, then checks it shows that group only, in its rooms. */
    const onlyLessonsOf = async (groupId: string) => {
      const group = groupId.split('-')[1]!;
      await lessonsOf(group).first().waitFor();
      await readyWidgets(page, 6);
      const lessons = await shownLessons(page);
      assert.ok(lessons.every(([g, room]) => g === group && roomsOf(groupId).has(room)), `${group} only: ${JSON.stringify(lessons)}`);
    };
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    assert.deepEqual((await school.locator('option').allTextContents()).map((name) => name.trim()), ['Testimäen yhtenäiskoulu', 'Testbackens svenska skola']);
    await onlyLessonsOf('99001-9B');
    // A marker on the window survives only if the page is not loaded again.
    await page.evaluate(() => Object.assign(window, { digioneSameDocument: true }));
    await school.selectOption({ label: 'Testbackens svenska skola' });
    await onlyLessonsOf('99002-8A');
    assert.equal(await lessonsOf('9B').count(), 0, 'none of Testimäki\'s lessons left');
    assert.equal(await page.evaluate(() => (window as { digioneSameDocument?: boolean }).digioneSameDocument), true, 'no reload');
    // As after a role switch, keyboard and screen reader users continue from the new dashboard.
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    assert.deepEqual(asked, [SCHOOL_OID.testimaki, SCHOOL_OID.testbacken]);
    // The header with a third switcher still fits a phone, and axe finds nothing serious in it.
    await page.setViewportSize({ width: 360, height: 800 });
    assert.deepEqual(await axeViolations(page), []);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), 0, 'no sideways scrolling at 360 px');
    await page.reload();
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    await onlyLessonsOf('99002-8A');
    assert.equal(await school.inputValue(), SCHOOL_OID.testbacken);
    assert.equal(asked.at(-1), SCHOOL_OID.testbacken);
    await context.close();
  });

  test('a teacher in one school has no school switcher', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'teacher');
    await page.locator('.dashboard-title').getByText(/Teacher – Vantaa/).waitFor();
    await readyWidgets(page, 6);
    assert.equal(await page.locator('[data-switcher]').count(), 0);
    assert.equal(await page.getByLabel('School', { exact: true }).count(), 0);
    await context.close();
  });

  test('the guardian in two municipalities switches between Oona (Vantaa) and Ella (Espoo), and each child\'s data follows', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'guardian-two-cities');
    const schedule = page.locator('[data-widget="kajo.schedule"]');
    const inbox = page.locator('[data-widget="lumo.messages"]');
    const oona = { name: 'Oona Kaksinen', title: /Guardian – Vantaa/, teachers: teachersOf('99001-3B'), thread: 'Oonan vanhempainvartti', widgets: 5 };
    const ella = { name: 'Ella Kokeilu', title: /Guardian – Espoo/, teachers: teachersOf('99101-7C'), thread: '7C:n äidinkielen koe torstaina', widgets: 3 };
    const seen = new Map<string, string>();
    for (const [child, other] of [[oona, ella], [ella, oona], [oona, ella]] as const) {
      if (seen.size > 0) await page.getByLabel('Child').selectOption({ label: child.name });
      await page.locator('.dashboard-title').getByText(child.title).waitFor();
      await schedule.getByText(`Schedule of ${child.name}`).waitFor();
      await readyWidgets(page, child.widgets);
      const teachers = (await shownLessons(page)).map(([teacher]) => teacher);
      assert.ok(teachers.every((t) => child.teachers.has(t)), `${child.name}'s teachers only: ${teachers.join(', ')}`);
      await inbox.getByText(child.thread).waitFor();
      assert.equal(await inbox.getByText(other.thread).count(), 0, `no thread about ${other.name}`);
      const shown = [...new Set(teachers)].sort().join(', ');
      if (seen.has(child.name)) assert.equal(shown, seen.get(child.name), `${child.name}'s schedule again`);
      seen.set(child.name, shown);
    }
    assert.notEqual(seen.get(oona.name), seen.get(ella.name), 'the schedule changed with the child');
    await context.close();
  });

  test('the pupil of the Swedish-language school sees their own class\'s schedule', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, env.platform.urls.shell, 'elev');
    await page.locator('.dashboard-title').getByText(/Pupil – Vantaa/).waitFor();
    await readyWidgets(page, 5);
    const lessons = await shownLessons(page);
    const teachers = teachersOf('99002-5A');
    assert.ok(lessons.every(([teacher, room]) => teachers.has(teacher) && roomsOf('99002-5A').has(room)), JSON.stringify(lessons));
    await page.locator('[data-widget="lumo.bulletin"]').getByText('Testbackens svenska skola').first().waitFor();
    await page.locator('[data-widget="lumo.messages"]').getByText('Utflykt på fredag').waitFor();
    await context.close();
  });

  test('the guardian whose mandate was revoked gets the no-roles page, with no child and no widget', async () => {
    const context = await env.browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(env.platform.urls.shell);
    await page.locator('.landing d1-button[variant="primary"]').click();
    await page.waitForURL((url) => url.port === '4174');
    await submitProviderForm(page, 'revoked-guardian');
    await page.locator('[data-state="no-roles"]').getByText(/has no role in DigiOne/).waitFor();
    assert.equal(await page.getByLabel('Child').count(), 0);
    assert.equal(await page.locator('[data-widget]').count(), 0);
    await context.close();
  });
});
