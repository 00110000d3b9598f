import { expect } from '@open-wc/testing';
import { TAG_CONFLICT, defineElement } from './define.js';

describe('defineElement', () => {
  let warnings: unknown[][];
  const originalWarn = console.warn;

  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  it('defines a new tag', () => {
    class First extends HTMLElement {}
    defineElement('test-define-new', First);
    expect(customElements.get('test-define-new')).to.equal(First);
  });

  it('tolerates the same class twice, silently', () => {
    class Same extends HTMLElement {}
    defineElement('test-define-same', Same);
    expect(() => defineElement('test-define-same', Same)).to.not.throw();
    expect(warnings).to.deep.equal([]);
  });

  it('keeps the first class on a conflict and warns once, naming the tag', () => {
    class Original extends HTMLElement {}
    class Other extends HTMLElement {}
    class Third extends HTMLElement {}
    defineElement('test-define-conflict', Original);
    defineElement('test-define-conflict', Other);
    defineElement('test-define-conflict', Third);
    expect(customElements.get('test-define-conflict')).to.equal(Original);
    expect(warnings.length).to.equal(1);
    const message = String(warnings[0]?.[0]);
    expect(message).to.contain(TAG_CONFLICT);
    expect(message).to.contain('<test-define-conflict>');
  });
});
