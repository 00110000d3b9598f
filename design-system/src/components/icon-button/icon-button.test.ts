import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { inDarkTheme, part } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { D1IconButton } from './icon-button.component.js';
import './icon-button.js';

adoptTokens();

describe('d1-icon-button', () => {
  it('is named by label, hides its icon, and is a 44 px target', async () => {
    const el = await fixture<D1IconButton>(html`<d1-icon-button label="Sulje">×</d1-icon-button>`);
    const button = part<HTMLButtonElement>(el, 'button');
    expect(button.getAttribute('aria-label')).to.equal('Sulje');
    expect(button.title).to.equal('Sulje');
    expect(part(el, 'button > span').getAttribute('aria-hidden')).to.equal('true');
    expect(button.hasAttribute('aria-pressed')).to.equal(false);
    const { width, height } = button.getBoundingClientRect();
    expect(width).to.be.at.least(44);
    expect(height).to.be.at.least(44);
  });

  for (const key of ['Enter', 'Space']) {
    it(`${key} activates it`, async () => {
      const el = await fixture<D1IconButton>(html`<d1-icon-button label="Asetukset">⚙</d1-icon-button>`);
      let clicks = 0;
      el.addEventListener('click', () => clicks++);
      el.focus();
      await sendKeys({ press: key });
      expect(clicks).to.equal(1);
    });
  }

  it('toggle: aria-pressed follows clicks', async () => {
    const el = await fixture<D1IconButton>(html`<d1-icon-button label="Suosikki" toggle>★</d1-icon-button>`);
    expect(part(el, 'button').getAttribute('aria-pressed')).to.equal('false');
    el.focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(el.pressed).to.equal(true);
    expect(part(el, 'button').getAttribute('aria-pressed')).to.equal('true');
  });

  it('disabled: no clicks reach listeners', async () => {
    const el = await fixture<D1IconButton>(html`<d1-icon-button label="Poista" disabled>🗑</d1-icon-button>`);
    let clicks = 0;
    el.addEventListener('click', () => clicks++);
    el.click();
    expect(clicks).to.equal(0);
  });

  it('axe: ghost, secondary, pressed, disabled, dark', async () => {
    await expect(await fixture(html`<d1-icon-button label="Sulje">×</d1-icon-button>`)).to.be.accessible();
    await expect(await fixture(html`<d1-icon-button label="Sulje" variant="secondary">×</d1-icon-button>`)).to.be.accessible();
    await expect(await fixture(html`<d1-icon-button label="Suosikki" toggle pressed>★</d1-icon-button>`)).to.be.accessible();
    await expect(await fixture(html`<d1-icon-button label="Sulje" disabled>×</d1-icon-button>`)).to.be.accessible();
    await inDarkTheme(async () =>
      expect(await fixture(html`<d1-icon-button label="Suosikki" toggle pressed>★</d1-icon-button>`)).to.be.accessible(),
    );
  });
});
