import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { D1SelectEvent } from '../../events/select.js';
import { inDarkTheme, part } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1Menu } from './menu.component.js';
import './menu.js';

adoptTokens();

const template = html`<d1-menu label="Toiminnot">
  <d1-menu-item value="edit">Muokkaa</d1-menu-item>
  <d1-menu-item value="copy">Kopioi</d1-menu-item>
  <d1-menu-item value="archive" disabled>Arkistoi</d1-menu-item>
  <d1-menu-item value="delete">Poista</d1-menu-item>
</d1-menu>`;

function items(el: D1Menu): HTMLElement[] {
  return [...el.querySelectorAll<HTMLElement>('d1-menu-item')];
}

function trigger(el: D1Menu): HTMLButtonElement {
  return part<HTMLButtonElement>(el, '.trigger');
}

describe('d1-menu', () => {
  it('a menu button: aria-haspopup, aria-expanded, a hidden menu of menuitems', async () => {
    const el = await fixture<D1Menu>(template);
    expect(trigger(el).getAttribute('aria-haspopup')).to.equal('menu');
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('false');
    expect(part(el, '[role="menu"]').hidden).to.equal(true);
    expect(items(el).map((item) => item.getAttribute('role'))).to.deep.equal(['menuitem', 'menuitem', 'menuitem', 'menuitem']);
    expect(items(el)[2]?.getAttribute('aria-disabled')).to.equal('true');
  });

  it('Enter opens on the first item; arrows wrap; Home/End; Escape closes to the button', async () => {
    const el = await fixture<D1Menu>(template);
    trigger(el).focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(trigger(el).getAttribute('aria-expanded')).to.equal('true');
    expect(document.activeElement).to.equal(items(el)[0]);
    await sendKeys({ press: 'ArrowUp' });
    expect(document.activeElement).to.equal(items(el)[3]);
    await sendKeys({ press: 'ArrowDown' });
    expect(document.activeElement).to.equal(items(el)[0]);
    await sendKeys({ press: 'End' });
    expect(document.activeElement).to.equal(items(el)[3]);
    await sendKeys({ press: 'Home' });
    expect(document.activeElement).to.equal(items(el)[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(trigger(el));
  });

  it('ArrowUp on the button opens on the last item; a letter jumps to an item', async () => {
    const el = await fixture<D1Menu>(template);
    trigger(el).focus();
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(items(el)[3]);
    await sendKeys({ press: 'k' });
    expect(document.activeElement).to.equal(items(el)[1]);
  });

  it('Enter on an item fires d1-select with its value and closes; disabled items do nothing', async () => {
    const el = await fixture<D1Menu>(template);
    const chosen: string[] = [];
    el.addEventListener(D1SelectEvent.eventName, (event) => chosen.push(event.value));
    trigger(el).focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    expect(chosen).to.deep.equal([]);
    expect(el.open).to.equal(true);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(chosen).to.deep.equal(['delete']);
    expect(el.open).to.equal(false);
    expect(el.shadowRoot?.activeElement).to.equal(trigger(el));
  });

  it('Tab closes the menu', async () => {
    const el = await fixture<D1Menu>(template);
    await el.show();
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    expect(el.open).to.equal(false);
  });

  it('click on an item activates it', async () => {
    const el = await fixture<D1Menu>(template);
    const chosen: string[] = [];
    el.addEventListener(D1SelectEvent.eventName, (event) => chosen.push(event.value));
    trigger(el).click();
    await el.updateComplete;
    items(el)[1]!.click();
    expect(chosen).to.deep.equal(['copy']);
  });

  it('axe: closed, open, dark', async () => {
    const el = await fixture<D1Menu>(template);
    await expect(el).to.be.accessible();
    await el.show();
    await expect(el).to.be.accessible();
    await inDarkTheme(async () => expect(el).to.be.accessible());
  });
});
