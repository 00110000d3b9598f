/**
 * Municipal (tenant) themes: a tenant's brand colours and logo over the DigiOne tokens. A theme is refused when a
 * pair of colours it creates misses WCAG 2.1 AA, so no tenant can make the platform unreadable.
 *
 * @packageDocumentation
 */
import { tokenValues } from '../tokens.js';
import { contrastRatio } from './contrast.js';

/** A tenant's brand colours for one colour scheme, as `#rgb`/`#rrggbb`. */
export interface ThemeColors {
  /** Buttons, links, focus ring, selected states. */
  readonly primary: string;
  /** Text and icons on `primary`. */
  readonly onPrimary: string;
  /** `primary` under the pointer; `primary` when left out. */
  readonly primaryHover?: string;
  /** Highlights: badges, the current item of a navigation. */
  readonly accent: string;
  /** Text on `accent`. */
  readonly onAccent: string;
}

/** A municipality's theme. */
export interface TenantTheme {
  /** The tenant's id, e.g. `espoo`: set as `data-d1-tenant` on the themed root. */
  readonly name: string;
  /** Colours on the light scheme. */
  readonly light: ThemeColors;
  /** Colours on the dark scheme. */
  readonly dark: ThemeColors;
  /** The logo, for `--d1-tenant-logo`; left out: the property is removed. */
  readonly logoUrl?: string | undefined;
}

/**
 * A tenant's colours for one scheme as its registry policy states them (manifests/schemas/tenant-policy.v1.json):
 * `accent` and `onAccent` may be left out.
 */
export interface BrandColours {
  readonly primary: string;
  readonly onPrimary: string;
  /** Left out: `primary` (and `onAccent` becomes `onPrimary`). */
  readonly accent?: string | undefined;
  /** Left out: `onPrimary`. */
  readonly onAccent?: string | undefined;
}

/** The DigiOne brand colours of `scheme`: what a scheme the tenant does not brand keeps. */
export function defaultColors(scheme: 'light' | 'dark'): ThemeColors {
  const values = tokenValues[scheme];
  return {
    primary: values['color-brand'],
    primaryHover: values['color-brand-hover'],
    onPrimary: values['color-on-brand'],
    accent: values['color-accent'],
    onAccent: values['color-on-accent'],
  };
}

function fromBrand(colours: BrandColours): ThemeColors {
  return {
    primary: colours.primary,
    onPrimary: colours.onPrimary,
    accent: colours.accent ?? colours.primary,
    onAccent: colours.onAccent ?? colours.onPrimary,
  };
}

/**
 * The theme a tenant policy describes. `dark` left out: the dark scheme keeps DigiOne's own dark brand colours
 * (light-scheme brand colours are dark blues and reds that would be unreadable on dark surfaces, and a colour
 * cannot be lightened automatically without changing the brand), so only the light scheme shows the tenant's.
 */
export function themeFromBrand(brand: {
  readonly name: string;
  readonly logoUrl?: string | undefined;
  readonly light: BrandColours;
  readonly dark?: BrandColours | undefined;
}): TenantTheme {
  return {
    name: brand.name,
    light: fromBrand(brand.light),
    dark: brand.dark ? fromBrand(brand.dark) : defaultColors('dark'),
    ...(brand.logoUrl ? { logoUrl: brand.logoUrl } : {}),
  };
}

/** WCAG 2.1 AA minimums: 4.5:1 for text, 3:1 for large text and user-interface components. */
export const CONTRAST_MINIMUM = { text: 4.5, ui: 3 } as const;
export type ContrastKind = keyof typeof CONTRAST_MINIMUM;

/** A pair of theme colours that misses its minimum. */
export interface ContrastFailure {
  readonly scheme: 'light' | 'dark';
  /** e.g. `on-primary on primary`. */
  readonly pair: string;
  readonly foreground: string;
  readonly background: string;
  /** The ratio, rounded down to two decimals (so 4.499 never shows as 4.50). */
  readonly ratio: number;
  readonly minimum: number;
  readonly kind: ContrastKind;
  /** The theme's own colours in the pair, foreground first (a surface is not the theme's): where to fix it. */
  readonly fields: readonly (keyof ThemeColors)[];
}

/** Code of the error `applyTheme` throws for a theme that fails contrast. */
export const THEME_CONTRAST = 'design-system.theme-contrast';

/** A theme refused for contrast; `failures` names each pair. */
export class ThemeContrastError extends Error {
  readonly code = THEME_CONTRAST;
  constructor(
    readonly theme: string,
    readonly failures: readonly ContrastFailure[],
  ) {
    super(
      `${THEME_CONTRAST}: theme "${theme}" misses WCAG 2.1 AA in ${failures.length} pair(s): ` +
        failures.map(describeFailure).join('; '),
    );
    this.name = 'ThemeContrastError';
  }
}

/** `light: on-primary #ffffff on primary #7fb3e0 is 2.14:1, needs 4.5:1 (text)`. */
export function describeFailure(failure: ContrastFailure): string {
  return (
    `${failure.scheme}: ${failure.pair} (${failure.foreground} on ${failure.background}) is ` +
    `${failure.ratio.toFixed(2)}:1, needs ${failure.minimum}:1 (${failure.kind})`
  );
}

/** Every pair a theme creates with itself and with the scheme's surfaces. */
function pairs(
  scheme: 'light' | 'dark',
  colors: ThemeColors,
): [string, string, string, ContrastKind, (keyof ThemeColors)[]][] {
  const { 'color-surface': surface, 'color-background': background } = tokenValues[scheme];
  const hover = colors.primaryHover ?? colors.primary;
  return [
    ['on-primary on primary', colors.onPrimary, colors.primary, 'text', ['onPrimary', 'primary']],
    ['on-primary on primary-hover', colors.onPrimary, hover, 'text', ['onPrimary', colors.primaryHover ? 'primaryHover' : 'primary']],
    ['on-accent on accent', colors.onAccent, colors.accent, 'text', ['onAccent', 'accent']],
    // Links, ghost buttons and selected tabs are primary text on the page.
    ['primary on surface', colors.primary, surface, 'text', ['primary']],
    ['primary on background', colors.primary, background, 'text', ['primary']],
    // Badges and indicators sit on surfaces.
    ['accent on surface', colors.accent, surface, 'ui', ['accent']],
  ];
}

/**
 * The pairs of `theme` that miss WCAG 2.1 AA (4.5:1 text, 3:1 UI), in both schemes; empty when the theme passes.
 * Throws a `TypeError` (code `design-system.invalid-color`) for a colour that is not `#rgb`/`#rrggbb`.
 */
export function checkThemeContrast(theme: TenantTheme): ContrastFailure[] {
  const failures: ContrastFailure[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    for (const [pair, foreground, background, kind, fields] of pairs(scheme, theme[scheme])) {
      const ratio = Math.floor(contrastRatio(foreground, background) * 100) / 100;
      const minimum = CONTRAST_MINIMUM[kind];
      if (ratio < minimum) failures.push({ scheme, pair, foreground, background, ratio, minimum, kind, fields });
    }
  }
  return failures;
}

/** Custom properties a theme sets; {@link clearTheme} removes them. */
const THEMED = [
  '--d1-color-brand',
  '--d1-color-brand-hover',
  '--d1-color-on-brand',
  '--d1-color-focus-ring',
  '--d1-color-accent',
  '--d1-color-on-accent',
  '--d1-tenant-logo',
] as const;

/** A CSS string literal: quotes, backslashes and line breaks cannot end it early. */
function cssString(value: string): string {
  return `"${value.replace(/["\\\n\r\f]/g, (char) => `\\${char.charCodeAt(0).toString(16)} `)}"`;
}

/**
 * Applies `theme` to `root` (the page's `<html>` by default) as inline `--d1-` custom properties, which every
 * component below reads. Each colour is `light-dark(light, dark)`, so the theme follows the scheme (`data-theme`
 * or the system) without being applied again. Sets `data-d1-tenant` and `--d1-tenant-logo: url(…)`.
 *
 * Refuses (throws {@link ThemeContrastError}, naming each failing pair and its ratio) a theme that misses
 * WCAG 2.1 AA; the root keeps its previous theme then.
 */
export function applyTheme(theme: TenantTheme, root: HTMLElement = document.documentElement): void {
  const failures = checkThemeContrast(theme);
  if (failures.length > 0) throw new ThemeContrastError(theme.name, failures);
  const { light, dark } = theme;
  const both = (pick: (colors: ThemeColors) => string): string => `light-dark(${pick(light)}, ${pick(dark)})`;
  const values: Record<(typeof THEMED)[number], string> = {
    '--d1-color-brand': both((c) => c.primary),
    '--d1-color-brand-hover': both((c) => c.primaryHover ?? c.primary),
    '--d1-color-on-brand': both((c) => c.onPrimary),
    '--d1-color-focus-ring': both((c) => c.primary),
    '--d1-color-accent': both((c) => c.accent),
    '--d1-color-on-accent': both((c) => c.onAccent),
    '--d1-tenant-logo': theme.logoUrl ? `url(${cssString(theme.logoUrl)})` : '',
  };
  // An empty value removes the property (a theme without a logo drops the previous tenant's).
  for (const [name, value] of Object.entries(values)) root.style.setProperty(name, value);
  root.dataset['d1Tenant'] = theme.name;
}

/**
 * Brands `root` with a tenant policy's theme ({@link themeFromBrand}), or with DigiOne's when `brand` is undefined.
 * A theme {@link applyTheme} refuses leaves DigiOne's colours on (not the previous tenant's) and is thrown. One call
 * per tenant switch: the shell's whole use of themes, kept here so that the shell's first paint carries none of it.
 */
export function applyBrand(brand: Parameters<typeof themeFromBrand>[0] | undefined, root: HTMLElement = document.documentElement): void {
  clearTheme(root);
  if (brand) applyTheme(themeFromBrand(brand), root);
}

/** Removes a theme set by {@link applyTheme}: the root falls back to the DigiOne tokens. */
export function clearTheme(root: HTMLElement = document.documentElement): void {
  for (const name of THEMED) root.style.removeProperty(name);
  delete root.dataset['d1Tenant'];
}
