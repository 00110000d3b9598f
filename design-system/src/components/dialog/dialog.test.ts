import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { D1CloseEvent } from '../../events/close.js';
import { deepActiveElement } from '../../internal/focus.js';
import { inDarkTheme, nextEvent, part, setPageLocale } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import '../button/button.js';
import type { D1Dialog } from './dialog.component.js';
import './dialog.js';

adoptTokens();

async function setup(): Promise<{ opener: HTMLButtonElement; dialog: D1Dialog; root: HTMLElement }> {
  const root = await fixture<HTMLElement>(html`<div>
    <button id="opener">Avaa</button>
    <d1-dialog heading="Poista kurssi">
      <p>Poistetaanko kurssi?</p>
      <input id="reason" aria-label="Syy" />
      <d1-button slot="footer" variant="secondary" id="cancel">Peru</d1-button>
      <d1-button slot="footer" variant="danger" id="confirm">Poista</d1-button>
    </d1-dialog>
  </div>`);
  const opener = root.querySelector<HTMLButtonElement>('#opener')!;
  const dialog = root.querySelector('d1-dialog')!;
  opener.addEventListener('click', () => dialog.show());
  return { opener, dialog, root };
}

describe('d1-dialog', () => {
  afterEach(() => setPageLocale(null));

  it('opens modal, named by its heading, aria-modal, focus on the first control', async () => {
    const { opener, dialog, root } = await setup();
    expect(dialog.open).to.equal(false);
    opener.focus();
    opener.click();
    await dialog.updateComplete;
    const native = part<HTMLDialogElement>(dialog, 'dialog');
    expect(native.open).to.equal(true);
    expect(native.matches(':modal')).to.equal(true);
    expect(native.getAttribute('aria-modal')).to.equal('true');
    expect(native.getAttribute('aria-labelledby')).to.equal('heading');
    expect(document.activeElement).to.equal(root.querySelector('#reason'));
  });

  it('Tab and Shift+Tab wrap inside the dialog', async () => {
    const { opener, dialog, root } = await setup();
    opener.click();
    await dialog.updateComplete;
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(root.querySelector('#cancel'));
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(root.querySelector('#confirm'));
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal(part(dialog, '.close'), 'wraps to the Close button');
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(document.activeElement).to.equal(root.querySelector('#confirm'), 'Shift+Tab wraps back');
  });

  it('Escape closes, fires d1-close (escape) and returns focus to the opener', async () => {
    const { opener, dialog } = await setup();
    opener.focus();
    opener.click();
    await dialog.updateComplete;
    const closed = nextEvent(dialog, D1CloseEvent.eventName);
    await sendKeys({ press: 'Escape' });
    const event = await closed;
    expect(event.reason).to.equal('escape');
    expect(dialog.open).to.equal(false);
    expect(document.activeElement).to.equal(opener);
  });

  it('the localized Close button closes; close(value) sets returnValue', async () => {
    const { opener, dialog, root } = await setup();
    opener.focus();
    opener.click();
    await dialog.updateComplete;
    expect(part(dialog, '.close').getAttribute('aria-label')).to.equal('Sulje');
    await setPageLocale('sv', dialog);
    expect(part(dialog, '.close').getAttribute('aria-label')).to.equal('Stäng');
    const closed = nextEvent(dialog, D1CloseEvent.eventName);
    part(dialog, '.close').click();
    expect((await closed).reason).to.equal('close-button');
    expect(document.activeElement).to.equal(opener);

    root.querySelector('#confirm')!.addEventListener('click', () => dialog.close('confirm'));
    opener.click();
    await dialog.updateComplete;
    const confirmed = nextEvent(dialog, D1CloseEvent.eventName);
    (root.querySelector('#confirm') as HTMLElement).click();
    const event = await confirmed;
    expect(event.reason).to.equal('method');
    expect(event.value).to.equal('confirm');
    expect(dialog.returnValue).to.equal('confirm');
  });

  it('focuses an [autofocus] element first', async () => {
    const el = await fixture<D1Dialog>(html`<d1-dialog heading="Nimi"><input aria-label="a" /><input aria-label="b" autofocus /></d1-dialog>`);
    el.show();
    await el.updateComplete;
    expect(document.activeElement).to.equal(el.querySelector('[autofocus]'));
    el.close();
  });

  it('axe: open, light and dark', async () => {
    const { dialog, root } = await setup();
    dialog.show();
    await dialog.updateComplete;
    await expect(root).to.be.accessible();
    await inDarkTheme(async () => expect(root).to.be.accessible());
    dialog.close();
  });
});
