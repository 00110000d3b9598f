import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { adoptTokens, tokenValues, tokensCssText, type SchemeToken } from './tokens.js';

adoptTokens();

function luminance(hex: string): number {
  const value = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [16, 8, 0].map((shift) => {
    const channel = ((value >> shift) & 255) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Foreground, background, minimum ratio: the pairs components and widgets are told to use. */
const pairs: [SchemeToken, SchemeToken, number][] = [
  ['color-text', 'color-surface', 4.5],
  ['color-text', 'color-background', 4.5],
  ['color-text', 'color-surface-muted', 4.5],
  ['color-text-muted', 'color-surface', 4.5],
  ['color-text-muted', 'color-background', 4.5],
  ['color-text-muted', 'color-surface-muted', 4.5],
  ['color-brand', 'color-surface', 4.5],
  ['color-brand', 'color-surface-muted', 4.5],
  ['color-on-brand', 'color-brand', 4.5],
  ['color-on-brand', 'color-brand-hover', 4.5],
  ['color-border-strong', 'color-surface', 3],
  ['color-focus-ring', 'color-surface', 3],
  ['color-focus-ring', 'color-background', 3],
  ...(['danger', 'success', 'warning', 'info'] as const).flatMap((status): [SchemeToken, SchemeToken, number][] => [
    [`color-on-${status}`, `color-${status}`, 4.5],
    [`color-${status}-text`, `color-${status}-surface`, 4.5],
    [`color-${status}`, 'color-surface', 4.5],
  ]),
  ['color-on-danger', 'color-danger-hover', 4.5],
];

describe('tokens', () => {
  it('tokens.css is what tokens.ts generates (run `npm run tokens -w @digione/design-system`)', async () => {
    const response = await fetch(new URL('./tokens.css', import.meta.url));
    expect(response.ok).to.equal(true);
    expect(await response.text()).to.equal(tokensCssText);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme} colour pairs meet WCAG AA`, () => {
      const failures = pairs
        .map(([fg, bg, min]) => ({ fg, bg, min, ratio: contrast(tokenValues[scheme][fg], tokenValues[scheme][bg]) }))
        .filter(({ ratio, min }) => ratio < min)
        .map(({ fg, bg, ratio, min }) => `${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`);
      expect(failures).to.deep.equal([]);
    });
  }

  describe('in the page', () => {
    const read = (name: string, element: Element = document.documentElement): string =>
      getComputedStyle(element).getPropertyValue(`--d1-${name}`).trim();

    afterEach(async () => {
      delete document.documentElement.dataset['theme'];
      await emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
    });

    it('are light by default and follow a dark system scheme', async () => {
      expect(read('color-surface')).to.equal(tokenValues.light['color-surface']);
      await emulateMedia({ colorScheme: 'dark' });
      expect(read('color-surface')).to.equal(tokenValues.dark['color-surface']);
      expect(getComputedStyle(document.documentElement).colorScheme).to.equal('dark');
    });

    it('[data-theme] overrides the system scheme', async () => {
      document.documentElement.dataset['theme'] = 'dark';
      expect(read('color-text')).to.equal(tokenValues.dark['color-text']);
      document.documentElement.dataset['theme'] = 'light';
      await emulateMedia({ colorScheme: 'dark' });
      expect(read('color-text')).to.equal(tokenValues.light['color-text']);
    });

    it('stop motion under prefers-reduced-motion', async () => {
      expect(read('duration-normal')).to.equal(tokenValues.common['duration-normal']);
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(read('duration-normal')).to.equal('0s');
      expect(read('duration-loop')).to.equal('0s');
    });

    it('give the body the system font stack and the page colours', () => {
      const body = getComputedStyle(document.body);
      expect(body.fontFamily).to.contain('system-ui');
      expect(body.margin).to.equal('0px');
      expect(body.color).to.equal('rgb(23, 32, 46)');
    });
  });
});
