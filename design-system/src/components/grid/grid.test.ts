import { expect, fixture, html } from '@open-wc/testing';
import { adoptTokens } from '../../tokens.js';
import '../card/card.js';
import type { D1Grid } from './grid.component.js';
import './grid.js';

adoptTokens();

async function grid(width: number): Promise<D1Grid> {
  const el = await fixture<D1Grid>(html`<d1-grid style=${`inline-size: ${width}px`}>
    <d1-card size="s" heading="Pieni"></d1-card>
    <d1-card size="m" heading="Keskikokoinen"></d1-card>
    <d1-card size="l" heading="Suuri"></d1-card>
    <div>Ilman kokoa</div>
  </d1-grid>`);
  await new Promise(requestAnimationFrame);
  return el;
}

function columnCount(el: D1Grid): number {
  const base = el.shadowRoot?.querySelector('[part="base"]');
  if (!base) throw new Error('no grid container');
  return getComputedStyle(base).gridTemplateColumns.split(' ').length;
}

/** How many of the 12 columns each child spans, from the rendered widths. */
function spans(el: D1Grid): number[] {
  const columns = columnCount(el);
  const gap = parseFloat(getComputedStyle(el.shadowRoot!.querySelector('[part="base"]')!).columnGap);
  const column = (el.getBoundingClientRect().width - gap * (columns - 1)) / columns;
  return [...el.children].map((child) => {
    const span = Math.round((child.getBoundingClientRect().width + gap) / (column + gap));
    return (span * 12) / columns;
  });
}

describe('d1-grid', () => {
  it('stacks everything in one column under 640 px', async () => {
    const el = await grid(400);
    expect(columnCount(el)).to.equal(1);
    expect(spans(el)).to.deep.equal([12, 12, 12, 12]);
  });

  it('on tablets, s takes half the row and m the whole row', async () => {
    const el = await grid(800);
    expect(columnCount(el)).to.equal(12);
    expect(spans(el)).to.deep.equal([6, 12, 12, 12]);
  });

  it('on desktops, s takes 4, m 6 and l 12 of 12 columns', async () => {
    const el = await grid(1200);
    expect(columnCount(el)).to.equal(12);
    expect(spans(el)).to.deep.equal([4, 6, 12, 12]);
  });

  it('answers to its own width, not the window', async () => {
    const el = await grid(1200);
    el.style.inlineSize = '500px';
    await new Promise(requestAnimationFrame);
    expect(columnCount(el)).to.equal(1);
  });

  it('is accessible with cards inside (axe)', async () => {
    const el = await grid(1200);
    await expect(el).to.be.accessible();
  });
});
