import { expect, fixture, html } from '@open-wc/testing';
import { adoptTokens } from '../tokens.js';
import { contrastRatio, INVALID_COLOR } from './contrast.js';
import {
  THEME_CONTRAST,
  ThemeContrastError,
  applyBrand,
  applyTheme,
  checkThemeContrast,
  clearTheme,
  defaultColors,
  themeFromBrand,
  type TenantTheme,
} from './theme.js';

adoptTokens();

const logo = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg"/%3E';

/** A dark-green municipal brand that passes everywhere. */
const good: TenantTheme = {
  name: 'kuusikallio',
  logoUrl: logo,
  light: { primary: '#1d5c3a', onPrimary: '#ffffff', primaryHover: '#154a2e', accent: '#8a4b00', onAccent: '#ffffff' },
  dark: { primary: '#8fd6ac', onPrimary: '#08210f', accent: '#ffc27a', onAccent: '#2a1600' },
};

/** Pale yellow brand with white text: unreadable buttons and links. */
const bad: TenantTheme = {
  name: 'keltala',
  logoUrl: logo,
  light: { primary: '#f2c94c', onPrimary: '#ffffff', accent: '#ffe9a8', onAccent: '#ffffff' },
  dark: { primary: '#8fd6ac', onPrimary: '#08210f', accent: '#ffc27a', onAccent: '#2a1600' },
};

describe('tenant themes', () => {
  afterEach(() => clearTheme());

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000', '#fff')).to.equal(21);
    expect(contrastRatio('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
    expect(() => contrastRatio('red', '#fff')).to.throw(INVALID_COLOR);
  });

  it('a good theme has no failing pair', () => {
    expect(checkThemeContrast(good)).to.deep.equal([]);
  });

  it('a bad theme names each failing pair, its scheme and ratio', () => {
    const failures = checkThemeContrast(bad);
    const names = failures.map((f) => `${f.scheme}: ${f.pair}`);
    expect(names).to.include.members([
      'light: on-primary on primary',
      'light: primary on surface',
      'light: on-accent on accent',
      'light: accent on surface',
    ]);
    expect(names.some((n) => n.startsWith('dark'))).to.equal(false);
    const onPrimary = failures.find((f) => f.pair === 'on-primary on primary');
    expect(onPrimary?.ratio).to.equal(1.58);
    expect(onPrimary?.minimum).to.equal(4.5);
    expect(failures.find((f) => f.pair === 'accent on surface')?.minimum).to.equal(3);
  });

  it('applies a good theme: components read the brand in both schemes', async () => {
    const root = await fixture<HTMLDivElement>(html`<div><span class="probe" style="color: var(--d1-color-brand)">x</span></div>`);
    applyTheme(good, root);
    expect(root.dataset['d1Tenant']).to.equal('kuusikallio');
    const probe = root.querySelector('span')!;
    expect(getComputedStyle(probe).color).to.equal('rgb(29, 92, 58)');
    root.dataset['theme'] = 'dark';
    expect(getComputedStyle(probe).color).to.equal('rgb(143, 214, 172)');
    expect(root.style.getPropertyValue('--d1-tenant-logo')).to.contain('data:image/svg+xml');
    clearTheme(root);
    expect(root.dataset['d1Tenant']).to.equal(undefined);
    expect(root.style.getPropertyValue('--d1-color-brand')).to.equal('');
  });

  it('refuses a bad theme with the failing pairs named, keeping the previous theme', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    applyTheme(good, root);
    let error: unknown;
    try {
      applyTheme(bad, root);
    } catch (caught) {
      error = caught;
    }
    expect(error).to.be.instanceOf(ThemeContrastError);
    const refusal = error as ThemeContrastError;
    expect(refusal.code).to.equal(THEME_CONTRAST);
    expect(refusal.message).to.contain('theme "keltala"');
    expect(refusal.message).to.contain('light: on-primary on primary (#ffffff on #f2c94c) is 1.58:1, needs 4.5:1 (text)');
    expect(root.dataset['d1Tenant']).to.equal('kuusikallio');
  });

  it('a logo URL cannot break out of its CSS string', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    applyTheme({ ...good, logoUrl: '/logo.svg"); color: red; x: url("' }, root);
    expect(root.style.getPropertyValue('color')).to.equal('');
  });

  it('reads a policy theme: left-out accents are the primary pair, a left-out dark scheme keeps DigiOne colours', () => {
    const theme = themeFromBrand({ name: 'vantaa', light: { primary: '#a4231c', onPrimary: '#ffffff' } });
    expect(theme.light).to.deep.equal({ primary: '#a4231c', onPrimary: '#ffffff', accent: '#a4231c', onAccent: '#ffffff' });
    expect(theme.dark).to.deep.equal(defaultColors('dark'));
    expect(theme.logoUrl).to.equal(undefined);
    expect(checkThemeContrast(theme)).to.deep.equal([]);
  });

  it('names the theme fields of each failing pair, foreground first', () => {
    const failures = checkThemeContrast(bad).filter((f) => f.scheme === 'light');
    expect(failures.map((f) => [f.pair, f.fields])).to.deep.include(['on-primary on primary', ['onPrimary', 'primary']]);
    expect(failures.map((f) => [f.pair, f.fields])).to.deep.include(['primary on surface', ['primary']]);
  });

  it('applyBrand swaps one tenant for another, and a refused one leaves DigiOne colours, not the previous tenant', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    applyBrand({ name: 'vantaa', logoUrl: logo, light: { primary: '#a4231c', onPrimary: '#ffffff' } }, root);
    expect(root.dataset['d1Tenant']).to.equal('vantaa');
    expect(root.style.getPropertyValue('--d1-tenant-logo')).to.contain('data:image');
    applyBrand({ name: 'espoo', light: { primary: '#004996', onPrimary: '#ffffff' } }, root);
    expect(root.dataset['d1Tenant']).to.equal('espoo');
    expect(root.style.getPropertyValue('--d1-color-brand')).to.contain('#004996');
    expect(root.style.getPropertyValue('--d1-tenant-logo')).to.equal('');
    expect(() => applyBrand({ name: 'grey', light: { primary: '#777777', onPrimary: '#ffffff' } }, root)).to.throw(ThemeContrastError);
    expect(root.dataset['d1Tenant']).to.equal(undefined);
    expect(root.style.getPropertyValue('--d1-color-brand')).to.equal('');
    applyBrand(undefined, root);
    expect(root.style.getPropertyValue('--d1-color-brand')).to.equal('');
  });
});
