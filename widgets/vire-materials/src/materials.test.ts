import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '@digione/design-system';
import type { Locale } from '@digione/sdk';
import { fakeApi, fakeContext } from '@digione/sdk/testing';
import { VireMaterials } from './materials.component.js';

if (!customElements.get('vire-materials')) customElements.define('vire-materials', VireMaterials);

const subjects = [
  { code: 'MA', codeList: 'koskioppiaineetyleissivistava', name: { fi: 'Matematiikka', sv: 'Matematik', en: 'Mathematics' }, passFail: false },
  { code: 'BI', codeList: 'koskioppiaineetyleissivistava', name: { fi: 'Biologia', sv: 'Biologi', en: 'Biology' }, passFail: false },
];
const goal = (code: string, fi: string) => ({ id: `X-${code}`, code, band: '7-9', text: { fi, sv: `${fi} (sv)`, en: `${fi} (en)` } });
const curricula: Record<string, unknown> = {
  MA: { subject: 'MA', perusteId: '1', diaarinumero: '104/011/2014', name: subjects[0]!.name, url: 'https://eperusteet.example/ma', goals: [goal('T1', 'Laskeminen')] },
  BI: { subject: 'BI', perusteId: '1', diaarinumero: '104/011/2014', name: subjects[1]!.name, url: 'https://eperusteet.example/bi', goals: [goal('T2', 'Eliöt'), goal('T3', 'Ekosysteemit')] },
};

describe('vire.materials', () => {
  it('shows the saved subject’s goals, follows the locale, and saves a new choice', async () => {
    const { api, calls } = fakeApi(({ path, init }) => {
      if (path === '/v1/subjects') return { items: subjects };
      const subject = (init as { params: { path: { subject: string } } }).params.path.subject;
      return curricula[subject];
    });
    const saved: unknown[] = [];
    const opened: string[] = [];
    let setLocale: (locale: Locale) => void = () => undefined;
    const context = fakeContext({
      api,
      locale: 'fi',
      onLocaleChange: (listener) => {
        setLocale = listener;
        return () => undefined;
      },
      settings: { get: async () => ({ subject: 'BI' }) as never, set: async (value) => void saved.push(value) },
      navigation: { openExternal: (url) => void opened.push(url), openWidget: () => true },
    });
    const el = await fixture<VireMaterials>(html`<vire-materials .context=${context}></vire-materials>`);
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 2);
    expect([...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['T2Eliöt', 'T3Ekosysteemit']);

    setLocale('en');
    await waitUntil(() => el.shadowRoot!.querySelector('li')?.textContent === 'T2Eliöt (en)');
    el.shadowRoot!.querySelector('d1-button')!.click();
    expect(opened).to.deep.equal(['https://eperusteet.example/bi']);

    const select = el.shadowRoot!.querySelector('d1-select')!;
    select.value = 'MA';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => el.shadowRoot!.querySelectorAll('li').length === 1);
    expect(saved).to.deep.equal([{ subject: 'MA' }]);
    expect(calls.map((call) => call.path)).to.deep.equal(['/v1/subjects', '/v1/curriculum/{subject}', '/v1/curriculum/{subject}']);
    await expect(el).to.be.accessible();
  });

  it('says so when the platform cannot be reached', async () => {
    const { api } = fakeApi(() => {
      throw new Error('offline');
    });
    const el = await fixture<VireMaterials>(html`<vire-materials .context=${fakeContext({ api })}></vire-materials>`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]') !== null);
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.equal('Materiaaleja ei saatu ladattua. Yritä myöhemmin uudelleen.');
  });
});
