import { expect, waitUntil } from '@open-wc/testing';
import { NEAR_MARGIN_PX, NearViewport } from './visibility.js';

function box(top: number): HTMLElement {
  const element = document.createElement('div');
  element.style.cssText = `position: absolute; left: 0; top: ${top}px; width: 100px; height: 100px;`;
  document.body.append(element);
  return element;
}

describe('near the viewport', () => {
  let near: NearViewport | undefined;
  afterEach(() => {
    near?.dispose();
    window.scrollTo(0, 0);
    document.body.replaceChildren();
  });

  it('calls back at once for what is in view or within the margin, and for the rest only when scrolled near', async () => {
    near = new NearViewport();
    const calls: string[] = [];
    const inView = box(10);
    const justBelow = box(window.innerHeight + NEAR_MARGIN_PX / 2);
    const farBelow = box(window.innerHeight + NEAR_MARGIN_PX * 10);
    near.whenNear(inView, () => calls.push('in view'));
    near.whenNear(justBelow, () => calls.push('just below'));
    near.whenNear(farBelow, () => calls.push('far below'));
    await waitUntil(() => calls.length === 2, 'the elements in reach were not reported');
    expect(calls.sort()).to.deep.equal(['in view', 'just below']);

    farBelow.scrollIntoView();
    await waitUntil(() => calls.includes('far below'), 'the element scrolled near was not reported');
    window.scrollTo(0, 0);
    farBelow.scrollIntoView();
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    expect(calls.filter((c) => c === 'far below')).to.have.length(1);
  });

  it('calls nothing once cancelled or disposed', async () => {
    near = new NearViewport();
    const calls: string[] = [];
    const farBelow = box(window.innerHeight + NEAR_MARGIN_PX * 10);
    const alsoFar = box(window.innerHeight + NEAR_MARGIN_PX * 12);
    const cancel = near.whenNear(farBelow, () => calls.push('cancelled'));
    near.whenNear(alsoFar, () => calls.push('disposed'));
    const witness = new NearViewport();
    let seen = false;
    witness.whenNear(alsoFar, () => (seen = true));
    cancel();
    near.dispose();
    alsoFar.scrollIntoView();
    await waitUntil(() => seen, 'the witness observer did not see the element');
    witness.dispose();
    expect(calls).to.deep.equal([]);
  });
});
