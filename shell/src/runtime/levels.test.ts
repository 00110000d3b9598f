import { expect, fixture, html } from '@open-wc/testing';
import '@digione/design-system';
import type { Locale } from '@digione/sdk';
import { fakeContext } from '@digione/sdk/testing';
import type { WidgetManifest } from '@digione/manifests/types';
import { initLocale } from '../locale/locale.js';
import { elementLifecycles } from './element-widget.js';
import { FRAME_SANDBOX, iframeLifecycles } from './iframe-widget.js';
import { linkLifecycles } from './link-widget.js';

const base = {
  id: 'acme.thing',
  version: '1.0.0',
  vendor: { id: 'acme', name: 'Acme Oy' },
  title: { fi: 'Asia', sv: 'Sak', en: 'Thing' },
  description: { fi: 'Kuvaus.', sv: 'Beskrivning.', en: 'A description.' },
  sdk: '^0.2.0',
  roles: ['teacher'],
  scopes: [],
  locales: ['fi', 'sv', 'en'],
  sizes: ['m'],
} as const;

const module = (source: string) => `data:text/javascript,${encodeURIComponent(source)}`;

describe('integration levels in the shell', () => {
  before(() => initLocale());

  it('a link widget is a tile whose link opens the service in a new tab without opener or referrer', async () => {
    const manifest = { ...base, kind: 'link', entry: 'https://service.acme.example/start' } as unknown as WidgetManifest;
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const lifecycles = linkLifecycles(manifest);
    const props = { domElement: root, context: fakeContext() };
    await lifecycles.bootstrap(props);
    await lifecycles.mount(props);
    const link = root.querySelector('d1-link')!;
    await link.updateComplete;
    const anchor = link.shadowRoot!.querySelector('a')!;
    expect(anchor.getAttribute('href')).to.equal('https://service.acme.example/start');
    expect(anchor.getAttribute('target')).to.equal('_blank');
    expect(anchor.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(root.textContent).to.contain('Kuvaus.');
    await lifecycles.unmount(props);
    expect(root.querySelector('d1-link')).to.equal(null);
  });

  it('an iframe widget on the shell’s own origin is refused before any frame exists', async () => {
    const manifest = { ...base, kind: 'iframe', entry: `${location.origin}/frame.html` } as unknown as WidgetManifest;
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const error = await iframeLifecycles(manifest)
      .bootstrap({ domElement: root, context: fakeContext() })
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(error?.message).to.match(/^entry-failed: .*must not be on the shell's origin/);
    expect(root.querySelector('iframe')).to.equal(null);
    expect(FRAME_SANDBOX.split(' ').sort()).to.deep.equal(['allow-forms', 'allow-same-origin', 'allow-scripts']);
  });

  it('a plain custom element gets its attributes, the context as a property, and the active locale as lang', async () => {
    const manifest = {
      ...base,
      kind: 'module',
      entry: module(`customElements.define('acme-plain-clock', class extends HTMLElement {});`),
      element: { tag: 'acme-plain-clock', attributes: { datetime: '2026-12-19', onclick: 'alert(1)' } },
    } as unknown as WidgetManifest;
    let listener: (locale: Locale) => void = () => undefined;
    const context = fakeContext({
      onLocaleChange: (l) => {
        listener = l;
        return () => (listener = () => undefined);
      },
    });
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const lifecycles = elementLifecycles(manifest);
    await lifecycles.bootstrap({ domElement: root, context });
    await lifecycles.mount({ domElement: root, context });
    const el = root.querySelector('acme-plain-clock') as HTMLElement & { context?: unknown };
    expect(el.getAttribute('datetime')).to.equal('2026-12-19');
    expect(el.hasAttribute('onclick')).to.equal(false);
    expect(el.context).to.equal(context);
    expect(el.lang).to.equal('fi');
    listener('sv');
    expect(el.lang).to.equal('sv');
    await lifecycles.unmount({ domElement: root, context });
    expect(root.children).to.have.length(0);
  });

  it('refuses an entry that does not define the named tag, and any design-system tag', async () => {
    const root = await fixture<HTMLDivElement>(html`<div></div>`);
    const props = { domElement: root, context: fakeContext() };
    const silent = { ...base, kind: 'module', entry: module('export const nothing = 1;'), element: { tag: 'acme-missing' } };
    const missing = await elementLifecycles(silent as unknown as WidgetManifest)
      .bootstrap(props)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(missing?.message).to.match(/^module-invalid: .*did not define <acme-missing>/);
    const taken = { ...silent, element: { tag: 'd1-button' } };
    const refused = await elementLifecycles(taken as unknown as WidgetManifest)
      .bootstrap(props)
      .then(
        () => undefined,
        (e: Error) => e,
      );
    expect(refused?.message).to.match(/^tag-collision: /);
  });
});
