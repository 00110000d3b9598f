import { expect } from '@open-wc/testing';
import { defineWidget, TAG_TAKEN } from './define-widget.js';
import type { WidgetContext } from './context.js';
import { fakeContext } from './testing/fake-context.js';

const context = fakeContext();

class ContextProbe extends HTMLElement {
  context?: WidgetContext;
}

describe('defineWidget', () => {
  it('defines the tag at bootstrap, mounts an element holding the context, updates and unmounts it', async () => {
    const lifecycles = defineWidget({ tag: 'acme-probe-one', element: ContextProbe });
    const domElement = document.createElement('div');
    document.body.append(domElement);
    await lifecycles.bootstrap({ domElement, context });
    expect(customElements.get('acme-probe-one')).to.equal(ContextProbe);

    await lifecycles.mount({ domElement, context });
    const el = domElement.querySelector('acme-probe-one') as ContextProbe;
    expect(el).to.be.instanceOf(ContextProbe);
    expect(el.context).to.equal(context);

    const next = { ...context, config: { days: 3 } };
    await lifecycles.update({ domElement, context: next });
    expect(el.context).to.equal(next);

    await lifecycles.unmount({ domElement, context });
    expect(domElement.children.length).to.equal(0);
    domElement.remove();
  });

  it('tolerates a second bootstrap with the same class', async () => {
    class SecondProbe extends ContextProbe {}
    const lifecycles = defineWidget({ tag: 'acme-probe-two', element: SecondProbe });
    const domElement = document.createElement('div');
    await lifecycles.bootstrap({ domElement, context });
    await lifecycles.bootstrap({ domElement, context });
    expect(customElements.get('acme-probe-two')).to.equal(SecondProbe);
  });

  it('refuses a tag that other code defined with another class', async () => {
    customElements.define('acme-probe-taken', class extends HTMLElement {});
    const lifecycles = defineWidget({ tag: 'acme-probe-taken', element: ContextProbe });
    let failure: unknown;
    try {
      await lifecycles.bootstrap({ domElement: document.createElement('div'), context });
    } catch (error) {
      failure = error;
    }
    expect(String(failure)).to.contain(TAG_TAKEN);
    expect(String(failure)).to.contain('<acme-probe-taken>');
  });
});
