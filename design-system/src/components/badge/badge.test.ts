import { expect, fixture, html } from '@open-wc/testing';
import { inDarkTheme, part } from '../../internal/test-helpers.js';
import { adoptTokens } from '../../tokens.js';
import type { BadgeVariant, D1Badge } from './badge.component.js';
import './badge.js';

adoptTokens();

const variants: BadgeVariant[] = ['neutral', 'info', 'success', 'warning', 'danger', 'accent'];

describe('d1-badge', () => {
  it('shows its text; `label` replaces it for assistive technology', async () => {
    const el = await fixture<D1Badge>(html`<d1-badge label="3 lukematonta viestiä">3</d1-badge>`);
    expect(el.textContent).to.equal('3');
    expect(part(el, '.badge').getAttribute('aria-label')).to.equal('3 lukematonta viestiä');
    expect(part(el, '.badge').getAttribute('role')).to.equal('img');
    const plain = await fixture<D1Badge>(html`<d1-badge>Myöhässä</d1-badge>`);
    expect(part(plain, '.badge').hasAttribute('aria-label')).to.equal(false);
  });

  describe('accessibility (axe, contrast included)', () => {
    for (const variant of variants) {
      it(variant, async () => {
        await expect(await fixture(html`<p>Tehtävä <d1-badge variant=${variant}>Myöhässä</d1-badge></p>`)).to.be.accessible();
      });
      it(`${variant}, dark`, async () => {
        await inDarkTheme(async () => {
          await expect(await fixture(html`<p>Viestit <d1-badge variant=${variant} label="3 uutta">3</d1-badge></p>`)).to.be.accessible();
        });
      });
    }
  });
});
