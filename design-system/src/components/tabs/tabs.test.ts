import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { D1SelectEvent } from '../../events/select.js';
import { inDarkTheme } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Tabs } from './tabs.component.js';
import './tabs.js';

adoptTokens();

const template = html`<d1-tabs label="Oppilaan tiedot">
  <d1-tab-panel label="Lukujärjestys" name="schedule"><p>Ma 8.15 matematiikka</p></d1-tab-panel>
  <d1-tab-panel label="Arvosanat" name="grades"><p>Matematiikka 9</p></d1-tab-panel>
  <d1-tab-panel label="Poissaolot" name="absences"><p>Ei poissaoloja</p></d1-tab-panel>
</d1-tabs>`;

function tabs(el: D1Tabs): HTMLButtonElement[] {
  return [...(el.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
}

function panels(el: D1Tabs): HTMLElement[] {
  return [...el.querySelectorAll('d1-tab-panel')];
}

async function settled(el: D1Tabs): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
}

describe('d1-tabs', () => {
  it('renders a tablist with one tab stop; the first panel shows', async () => {
    const el = await fixture<D1Tabs>(template);
    await settled(el);
    expect(tabs(el).map((t) => t.textContent?.trim())).to.deep.equal(['Lukujärjestys', 'Arvosanat', 'Poissaolot']);
    expect(tabs(el).map((t) => t.getAttribute('aria-selected'))).to.deep.equal(['true', 'false', 'false']);
    expect(tabs(el).map((t) => t.tabIndex)).to.deep.equal([0, -1, -1]);
    expect(panels(el).map((p) => p.hidden)).to.deep.equal([false, true, true]);
    expect(panels(el)[0]?.getAttribute('role')).to.equal('tabpanel');
    expect(panels(el)[0]?.getAttribute('aria-label')).to.equal('Lukujärjestys');
    expect(Reflect.get(tabs(el)[1]!, 'ariaControlsElements')).to.deep.equal([panels(el)[1]]);
  });

  it('arrow keys move, select and wrap; Home and End; fires d1-select with the name', async () => {
    const el = await fixture<D1Tabs>(template);
    await settled(el);
    const selected: string[] = [];
    el.addEventListener(D1SelectEvent.eventName, (event) => selected.push(event.value));
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    expect(el.selected).to.equal('grades');
    expect(el.shadowRoot?.activeElement).to.equal(tabs(el)[1]);
    expect(panels(el).map((p) => p.hidden)).to.deep.equal([true, false, true]);
    await sendKeys({ press: 'End' });
    await settled(el);
    expect(el.selected).to.equal('absences');
    await sendKeys({ press: 'ArrowRight' });
    await settled(el);
    expect(el.selected).to.equal('schedule');
    await sendKeys({ press: 'ArrowLeft' });
    await settled(el);
    expect(el.selected).to.equal('absences');
    await sendKeys({ press: 'Home' });
    await settled(el);
    expect(el.shadowRoot?.activeElement).to.equal(tabs(el)[0]);
    expect(selected).to.deep.equal(['grades', 'absences', 'schedule', 'absences', 'schedule']);
  });

  it('Tab moves from the selected tab into its panel', async () => {
    const el = await fixture<D1Tabs>(template);
    await settled(el);
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(panels(el)[0]);
  });

  it('vertical: Up and Down move', async () => {
    const el = await fixture<D1Tabs>(template);
    el.orientation = 'vertical';
    await settled(el);
    tabs(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await settled(el);
    expect(el.selected).to.equal('grades');
  });

  it('click selects; `selected` set in code shows that panel', async () => {
    const el = await fixture<D1Tabs>(template);
    await settled(el);
    tabs(el)[2]!.click();
    await settled(el);
    expect(panels(el)[2]?.hidden).to.equal(false);
    el.selected = 'grades';
    await settled(el);
    expect(tabs(el)[1]?.getAttribute('aria-selected')).to.equal('true');
  });

  it('axe: light and dark, horizontal and vertical', async () => {
    const el = await fixture<D1Tabs>(template);
    await settled(el);
    await expect(el).to.be.accessible();
    el.orientation = 'vertical';
    await settled(el);
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(el).to.be.accessible());
  });
});
