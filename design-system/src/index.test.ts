import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
import * as designSystem from './index.js';
import { tokenValues } from './index.js';

const tokenNames = new Set([...Object.keys(tokenValues.light), ...Object.keys(tokenValues.common)]);

/** Every exported component class, with its tag. */
const components = (Object.values(designSystem) as unknown[]).filter(
  (value): value is typeof LitElement => typeof value === 'function' && 'elementStyles' in value,
);

function tagOf(component: typeof LitElement): string {
  return `d1-${component.name.slice(2).replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

describe('@digione/design-system', () => {
  it('exports the components', () => {
    expect(components.length).to.be.at.least(19);
  });

  it('defines every tag on import', () => {
    for (const component of components) expect(customElements.get(tagOf(component)), tagOf(component)).to.equal(component);
  });

  it('components only use tokens that exist (or their own --d1-<component>- properties)', () => {
    const unknown = components.flatMap((component) => {
      const own = `${tagOf(component).slice(3)}-`;
      return component.elementStyles
        .map((style) => ('cssText' in style ? style.cssText : ''))
        .flatMap((text) => [...text.matchAll(/var\(--d1-([a-z0-9-]+)/g)].map((match) => match[1] ?? ''))
        .filter((name) => !tokenNames.has(name) && !name.startsWith(own))
        .map((name) => `${component.name}: --d1-${name}`);
    });
    expect(unknown).to.deep.equal([]);
  });
});
