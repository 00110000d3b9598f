import { expect } from '@open-wc/testing';
import { D1Button, D1Card, D1Grid, tokenValues } from './index.js';

const ownPrefixes = ['button-', 'card-', 'grid-'];
const tokenNames = new Set([...Object.keys(tokenValues.light), ...Object.keys(tokenValues.common)]);

describe('@digione/design-system', () => {
  it('defines every tag on import', () => {
    expect(customElements.get('d1-button')).to.equal(D1Button);
    expect(customElements.get('d1-card')).to.equal(D1Card);
    expect(customElements.get('d1-grid')).to.equal(D1Grid);
  });

  it('components only use tokens that exist (or their own --d1-<component>- properties)', () => {
    const unknown = [D1Button, D1Card, D1Grid].flatMap((component) =>
      component.elementStyles
        .map((style) => ('cssText' in style ? style.cssText : ''))
        .flatMap((text) => [...text.matchAll(/var\(--d1-([a-z0-9-]+)/g)].map((match) => match[1] ?? ''))
        .filter((name) => !tokenNames.has(name) && !ownPrefixes.some((prefix) => name.startsWith(prefix)))
        .map((name) => `${component.name}: --d1-${name}`),
    );
    expect(unknown).to.deep.equal([]);
  });
});
