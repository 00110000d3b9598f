import { expect, fixture } from '@open-wc/testing';
import { render } from 'lit';
import type { Locale } from '@digione/sdk';
import type { D1Link } from '@digione/design-system/components/link/link.component.js';
import { adoptTokens } from '@digione/design-system';
import { initLocale, setLocale } from '../locale/locale.js';
import { renderFooter, STATEMENT_PATH } from './footer.js';
import { FEEDBACK_EMAIL, renderStatement } from './statement.js';

adoptTokens();

/** The native `<a>` a design-system link renders, which is what the browser follows and a screen reader reads. */
async function anchor(link: D1Link): Promise<HTMLAnchorElement> {
  await link.updateComplete;
  return link.shadowRoot!.querySelector('a')!;
}

describe('footer and accessibility statement', () => {
  before(async () => {
    document.documentElement.lang = 'fi';
    await initLocale();
  });

  after(async () => {
    await setLocale('fi');
  });

  const names: Record<Locale, { label: string; link: string }> = {
    fi: { label: 'Sivuston tiedot', link: 'Saavutettavuusseloste' },
    sv: { label: 'Information om webbplatsen', link: 'Tillgänglighetsutlåtande' },
    en: { label: 'About this site', link: 'Accessibility statement' },
  };

  for (const locale of ['fi', 'sv', 'en'] as const) {
    it(`the footer links to the statement with a design-system link, in ${locale}`, async () => {
      await setLocale(locale);
      const footer = await fixture<HTMLElement>('<footer></footer>');
      render(renderFooter(), footer);
      const nav = footer.querySelector('nav')!;
      expect(nav.getAttribute('aria-label')).to.equal(names[locale].label);
      expect(footer.querySelector('a'), 'no hand-rolled link').to.equal(null);
      const link = footer.querySelector<D1Link>('d1-link[data-link="accessibility-statement"]')!;
      expect(link.textContent?.trim()).to.equal(names[locale].link);
      expect((await anchor(link)).getAttribute('href')).to.equal(STATEMENT_PATH);
      await expect(footer).to.be.accessible();
    });
  }

  it('the statement\'s links are design-system links, feedback going to the configured address', async () => {
    const main = await fixture<HTMLElement>('<main></main>');
    for (const locale of ['fi', 'sv', 'en'] as const) {
      render(renderStatement(locale), main);
      expect(main.querySelector('a'), 'no hand-rolled link').to.equal(null);
      const feedback = main.querySelector<D1Link>('d1-link[data-link="feedback"]')!;
      expect(feedback.textContent?.trim()).to.equal(FEEDBACK_EMAIL);
      expect((await anchor(feedback)).getAttribute('href')).to.equal(`mailto:${FEEDBACK_EMAIL}`);
      const back = [...main.querySelectorAll<D1Link>('d1-link')].at(-1)!;
      expect((await anchor(back)).getAttribute('href')).to.equal('/');
    }
    expect(FEEDBACK_EMAIL).to.match(/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/);
    expect(FEEDBACK_EMAIL, 'a real-looking address, not a placeholder').not.to.match(/\.example$/);
    await expect(main).to.be.accessible();
  });
});
