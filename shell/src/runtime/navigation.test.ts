import { expect } from '@open-wc/testing';
import { CONTEXT_ERROR, WidgetContextError } from '@digione/sdk';
import { createNavigation } from './navigation.js';

describe('widget navigation', () => {
  it('opens https and localhost http URLs in a new tab without an opener, and refuses anything else', () => {
    const opened: string[][] = [];
    const navigation = createNavigation('acme.links', { root: document, open: (...args) => opened.push(args) });
    navigation.openExternal('https://opintopolku.fi/');
    navigation.openExternal('http://localhost:4201/help');
    expect(opened).to.deep.equal([
      ['https://opintopolku.fi/', '_blank', 'noopener,noreferrer'],
      ['http://localhost:4201/help', '_blank', 'noopener,noreferrer'],
    ]);
    for (const url of ['javascript:alert(1)', 'http://example.com/', 'data:text/html,hi', '/relative', 'file:///etc/passwd']) {
      let failure: unknown;
      try {
        navigation.openExternal(url);
      } catch (error) {
        failure = error;
      }
      expect(failure, url).to.be.instanceOf(WidgetContextError);
      expect((failure as WidgetContextError).code).to.equal(CONTEXT_ERROR.urlRefused);
    }
    expect(opened).to.have.length(2);
  });

  it('moves the focus to another widget on the dashboard', () => {
    const grid = document.createElement('div');
    grid.innerHTML = '<section data-widget="kajo.schedule"></section><section data-widget="lumo.messages"></section>';
    document.body.append(grid);
    const navigation = createNavigation('acme.links', { root: grid });
    expect(navigation.openWidget('lumo.messages')).to.equal(true);
    expect(document.activeElement).to.equal(grid.querySelector('[data-widget="lumo.messages"]'));
    expect(navigation.openWidget('acme.absent')).to.equal(false);
    grid.remove();
  });
});
