import { expect, fixture, html } from '@open-wc/testing';
import { inDarkTheme } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import '../avatar/avatar.js';
import '../badge/badge.js';
import type { D1List } from './list.component.js';
import './list.js';

adoptTokens();

const template = html`<d1-list aria-label="Viestit">
  <d1-list-item>
    <d1-avatar slot="start" name="Aino Virtanen" decorative></d1-avatar>
    <a href="#1">Aino Virtanen</a>
    <span slot="supporting">Retki perjantaina</span>
    <d1-badge slot="end" variant="info">Uusi</d1-badge>
  </d1-list-item>
  <d1-list-item>Eero Äijälä<span slot="supporting">Läksyt</span></d1-list-item>
</d1-list>`;

describe('d1-list', () => {
  it('is a list of listitems', async () => {
    const el = await fixture<D1List>(template);
    expect(el.getAttribute('role')).to.equal('list');
    expect([...el.children].map((child) => child.getAttribute('role'))).to.deep.equal(['listitem', 'listitem']);
  });

  it('Tab reaches the links inside items in order', async () => {
    const el = await fixture<D1List>(template);
    const link = el.querySelector('a')!;
    link.focus();
    expect(document.activeElement).to.equal(link);
  });

  it('axe: light and dark', async () => {
    await expect(await fixture(template)).to.be.accessible();
    await inDarkTheme(async () => expect(await fixture(template)).to.be.accessible());
  });
});
