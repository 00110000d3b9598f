import { expect, fixture, html } from '@open-wc/testing';
import { inDarkTheme, part, shadowText } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import { initials, type D1Avatar } from './avatar.component.js';
import './avatar.js';

adoptTokens();

describe('d1-avatar', () => {
  it('initials: first and last word, upper-cased', () => {
    expect(initials('Aino-Maria Virtanen')).to.equal('AV');
    expect(initials('  örjan  ')).to.equal('Ö');
    expect(initials('Eero Juhani Äijälä')).to.equal('EÄ');
    expect(initials('')).to.equal('');
  });

  it('shows initials, as an image named by the name', async () => {
    const el = await fixture<D1Avatar>(html`<d1-avatar name="Aino Virtanen"></d1-avatar>`);
    const base = part(el, '.base');
    expect(base.getAttribute('role')).to.equal('img');
    expect(base.getAttribute('aria-label')).to.equal('Aino Virtanen');
    expect(shadowText(el, '.base')).to.equal('AV');
  });

  it('falls back to initials when the picture fails to load', async () => {
    const el = await fixture<D1Avatar>(html`<d1-avatar name="Aino Virtanen" image="data:image/png;base64,AAAA"></d1-avatar>`);
    await new Promise((resolve) => part(el, 'img').addEventListener('error', resolve));
    await el.updateComplete;
    expect(shadowText(el, '.base')).to.equal('AV');
  });

  it('decorative: hidden from assistive technology', async () => {
    const el = await fixture<D1Avatar>(html`<d1-avatar name="Aino Virtanen" decorative></d1-avatar>`);
    expect(part(el, '.base').getAttribute('aria-hidden')).to.equal('true');
    expect(part(el, '.base').hasAttribute('role')).to.equal(false);
  });

  it('axe: sizes, decorative, dark', async () => {
    for (const size of ['sm', 'md', 'lg']) {
      await expect(await fixture(html`<d1-avatar name="Aino Virtanen" size=${size}></d1-avatar>`)).to.be.accessible();
    }
    await expect(await fixture(html`<p><d1-avatar name="Aino Virtanen" decorative></d1-avatar> Aino Virtanen</p>`)).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(html`<d1-avatar name="Aino Virtanen"></d1-avatar>`)).to.be.accessible());
  });
});
