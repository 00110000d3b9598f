import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part, setPageLocale, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import { addMonths, fromIso, monthGrid, parseDate, toIso } from './calendar.js';
import type { D1DatePicker } from './date-picker.component.js';
import './date-picker.js';

adoptTokens();

function input(el: D1DatePicker): HTMLInputElement {
  return part<HTMLInputElement>(el, 'input');
}

function focusedDay(el: D1DatePicker): string | undefined {
  return (el.shadowRoot?.activeElement as HTMLElement | null)?.dataset['date'];
}

async function openFromKeyboard(el: D1DatePicker): Promise<void> {
  part<HTMLButtonElement>(el, '.pick').focus();
  await sendKeys({ press: 'Enter' });
  await el.updateComplete;
}

describe('calendar arithmetic', () => {
  it('weeks start on Monday; months clamp; locale formats parse', () => {
    const grid = monthGrid(fromIso('2026-11-15')!);
    expect(toIso(grid[0]![0]!)).to.equal('2026-10-26');
    expect(grid[0]![0]!.getUTCDay()).to.equal(1);
    expect(toIso(addMonths(fromIso('2026-01-31')!, 1))).to.equal('2026-02-28');
    expect(toIso(parseDate('28.11.2026', 'fi')!)).to.equal('2026-11-28');
    expect(toIso(parseDate('28/11/2026', 'en')!)).to.equal('2026-11-28');
    expect(parseDate('31.2.2026', 'fi')).to.equal(null);
    expect(parseDate('huomenna', 'fi')).to.equal(null);
  });
});

describe('d1-date-picker', () => {
  afterEach(() => setPageLocale(null));

  it('shows the value in the locale format, labelled, with a format hint', async () => {
    const el = await fixture<D1DatePicker>(html`<d1-date-picker label="Syntymäaika" value="2026-11-28"></d1-date-picker>`);
    expect(input(el).value).to.equal('28.11.2026');
    expect(input(el).labels?.[0]?.textContent?.trim()).to.equal('Syntymäaika');
    expect(shadowText(el, '#format')).to.equal('Muoto: p.k.vvvv');
    await setPageLocale('en', el);
    expect(input(el).value).to.equal('28/11/2026');
    expect(el.open).to.equal(false);
  });

  it('a typed date becomes the value and is submitted as YYYY-MM-DD; nonsense gets a localized message', async () => {
    const form = await fixture<HTMLFormElement>(html`<form><d1-date-picker label="Päivä" name="day"></d1-date-picker></form>`);
    const el = form.querySelector('d1-date-picker')!;
    input(el).focus();
    await sendKeys({ type: '1.12.2026' });
    input(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.value).to.equal('2026-12-01');
    expect(new FormData(form).get('day')).to.equal('2026-12-01');
    input(el).value = '31.2.2026';
    input(el).dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.checkValidity()).to.equal(false);
    expect(el.validationMessage).to.equal('Anna päivämäärä muodossa p.k.vvvv, esimerkiksi 28.11.2026.');
  });

  it('the calendar: modal grid, Monday first, Intl month and weekday names, focus on the selected day', async () => {
    await setPageLocale('sv');
    const el = await fixture<D1DatePicker>(html`<d1-date-picker label="Datum" value="2026-11-28"></d1-date-picker>`);
    await openFromKeyboard(el);
    const dialog = part<HTMLDialogElement>(el, 'dialog');
    expect(dialog.matches(':modal')).to.equal(true);
    expect(dialog.getAttribute('aria-modal')).to.equal('true');
    expect(shadowText(el, '#month')).to.equal('november 2026');
    expect([...(el.shadowRoot?.querySelectorAll('th') ?? [])].map((th) => th.textContent?.trim())[0]).to.equal('mån');
    expect(focusedDay(el)).to.equal('2026-11-28');
    expect(part(el, 'td[data-date="2026-11-28"]').getAttribute('aria-selected')).to.equal('true');
  });

  it('keyboard: arrows, Home/End, Page Up/Down, Shift+Page Down; Enter chooses and returns focus', async () => {
    const el = await fixture<D1DatePicker>(html`<d1-date-picker label="Päivä" value="2026-11-18"></d1-date-picker>`);
    let changes = 0;
    el.addEventListener('change', () => changes++);
    await openFromKeyboard(el);
    const steps: [string, string][] = [
      ['ArrowRight', '2026-11-19'],
      ['ArrowDown', '2026-11-26'],
      ['ArrowLeft', '2026-11-25'],
      ['ArrowUp', '2026-11-18'],
      ['Home', '2026-11-16'],
      ['End', '2026-11-22'],
      ['PageDown', '2026-12-22'],
      ['PageUp', '2026-11-22'],
    ];
    for (const [key, expected] of steps) {
      await sendKeys({ press: key });
      await el.updateComplete;
      expect(focusedDay(el), key).to.equal(expected);
    }
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'PageDown' });
    await sendKeys({ up: 'Shift' });
    await el.updateComplete;
    expect(focusedDay(el)).to.equal('2027-11-22');
    expect(shadowText(el, '#month')).to.equal('marraskuu 2027');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.value).to.equal('2027-11-22');
    expect(el.open).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(part(el, '.pick'));
    expect(changes).to.equal(1);
  });

  it('Escape closes without choosing; Tab stays inside the dialog', async () => {
    const el = await fixture<D1DatePicker>(html`<d1-date-picker label="Päivä" value="2026-11-18"></d1-date-picker>`);
    await openFromKeyboard(el);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot?.activeElement?.classList.contains('nav')).to.equal(true);
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focusedDay(el)).to.equal('2026-11-18');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.value).to.equal('2026-11-18');
    expect(el.shadowRoot?.activeElement).to.equal(part(el, '.pick'));
  });

  it('the previous and next month buttons are localized', async () => {
    const el = await fixture<D1DatePicker>(html`<d1-date-picker label="Päivä" value="2026-11-18"></d1-date-picker>`);
    el.show();
    await el.updateComplete;
    const labels = [...(el.shadowRoot?.querySelectorAll('.nav') ?? [])].map((b) => b.getAttribute('aria-label'));
    expect(labels).to.deep.equal(['Edellinen kuukausi', 'Seuraava kuukausi']);
    (el.shadowRoot?.querySelectorAll<HTMLButtonElement>('.nav')[1])!.click();
    await el.updateComplete;
    expect(shadowText(el, '#month')).to.equal('joulukuu 2026');
    el.hide();
  });

  it('axe: empty, with value, invalid, open calendar, dark', async () => {
    const el = await fixture<D1DatePicker>(html`<d1-date-picker label="Päivä" required></d1-date-picker>`);
    await expect(el).to.be.accessible();
    el.reportValidity();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.value = '2026-11-18';
    el.show();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(el).to.be.accessible());
    el.hide();
  });
});
