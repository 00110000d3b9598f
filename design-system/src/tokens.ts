/**
 * DigiOne design tokens: the single source. `tokens.css` is generated from this module by
 * `npm run tokens -w @digione/design-system` (a test fails when the two differ).
 *
 * Components only read `var(--d1-…)`: custom properties inherit into shadow roots, so a page loads the tokens once
 * (the shell links `tokens.css`; a test page or a widget's dev harness calls {@link adoptTokens}) and every
 * component, in any shadow root, follows the page's scheme and theme.
 *
 * @packageDocumentation
 */
import { unsafeCSS, type CSSResult } from 'lit';

/** Prefix of every token's custom property name. */
export const TOKEN_PREFIX = '--d1-';

import { breakpoints } from './breakpoints.js';

export { breakpoints };

/** Light-scheme colours and shadows. Each `*-text`/`on-*` pair meets WCAG AA (4.5:1) on its background. */
const light = {
  'color-background': '#f4f6f9',
  'color-surface': '#ffffff',
  'color-surface-muted': '#eef1f5',
  'color-text': '#17202e',
  'color-text-muted': '#4a5567',
  /** Decorative edges (cards, dividers). */
  'color-border': '#d3d9e2',
  /** Edges that identify a control: 3:1 against surfaces (WCAG 1.4.11). */
  'color-border-strong': '#6b7585',
  'color-brand': '#0b5cad',
  'color-brand-hover': '#094a8c',
  'color-on-brand': '#ffffff',
  'color-focus-ring': '#0b5cad',
  /** Highlights (badges, current items); a tenant theme sets it with the brand. */
  'color-accent': '#6b3fa0',
  'color-on-accent': '#ffffff',
  'color-danger': '#b3261e',
  'color-danger-hover': '#8c1d18',
  'color-on-danger': '#ffffff',
  'color-danger-surface': '#fdecea',
  'color-danger-text': '#8c1d18',
  'color-success': '#1a7f37',
  'color-on-success': '#ffffff',
  'color-success-surface': '#e8f5ec',
  'color-success-text': '#13622a',
  'color-warning': '#9a4d00',
  'color-on-warning': '#ffffff',
  'color-warning-surface': '#fff4e5',
  'color-warning-text': '#7a3e00',
  'color-info': '#0b5cad',
  'color-on-info': '#ffffff',
  'color-info-surface': '#e7f0fb',
  'color-info-text': '#0a4a8a',
  'shadow-1': '0 1px 2px rgb(16 24 40 / 0.08), 0 1px 3px rgb(16 24 40 / 0.06)',
  'shadow-2': '0 4px 8px -2px rgb(16 24 40 / 0.12), 0 2px 4px -2px rgb(16 24 40 / 0.08)',
} as const;

/** Scheme-dependent token names. */
export type SchemeToken = keyof typeof light;

/** Dark-scheme values: the type makes every light token need a dark value. */
const dark: { readonly [K in SchemeToken]: string } = {
  'color-background': '#0f141b',
  'color-surface': '#171e28',
  'color-surface-muted': '#222b37',
  'color-text': '#e7ecf2',
  'color-text-muted': '#a9b4c2',
  'color-border': '#364152',
  'color-border-strong': '#7d8a9c',
  'color-brand': '#8ab8ff',
  'color-brand-hover': '#a9caff',
  'color-on-brand': '#0b1526',
  'color-focus-ring': '#9cc3ff',
  'color-accent': '#d0b3ff',
  'color-on-accent': '#1c0b33',
  'color-danger': '#ff8f86',
  'color-danger-hover': '#ffaaa3',
  'color-on-danger': '#2b0503',
  'color-danger-surface': '#3b1513',
  'color-danger-text': '#ffb4ab',
  'color-success': '#7ee2a0',
  'color-on-success': '#062a12',
  'color-success-surface': '#13301d',
  'color-success-text': '#b8f0c9',
  'color-warning': '#ffc46b',
  'color-on-warning': '#2e1a00',
  'color-warning-surface': '#3a2608',
  'color-warning-text': '#ffd9a0',
  'color-info': '#9cc3ff',
  'color-on-info': '#0b1526',
  'color-info-surface': '#15283f',
  'color-info-text': '#cfe1ff',
  'shadow-1': '0 1px 2px rgb(0 0 0 / 0.5)',
  'shadow-2': '0 4px 12px rgb(0 0 0 / 0.55)',
};

/** Tokens that do not depend on the colour scheme. */
const common = {
  'font-family-sans':
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif, "Apple Color Emoji", "Segoe UI Emoji"',
  'font-family-mono': 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  'font-size-xs': '0.75rem',
  'font-size-sm': '0.875rem',
  'font-size-md': '1rem',
  'font-size-lg': '1.125rem',
  'font-size-xl': '1.375rem',
  'font-size-2xl': '1.75rem',
  'font-weight-regular': '400',
  'font-weight-medium': '500',
  'font-weight-semibold': '600',
  'font-weight-bold': '700',
  'line-height-tight': '1.25',
  'line-height-normal': '1.5',
  'space-1': '0.25rem',
  'space-2': '0.5rem',
  'space-3': '0.75rem',
  'space-4': '1rem',
  'space-5': '1.5rem',
  'space-6': '2rem',
  'space-7': '3rem',
  'radius-sm': '4px',
  'radius-md': '8px',
  'radius-lg': '12px',
  'radius-pill': '999px',
  'border-width': '1px',
  'focus-ring-width': '3px',
  'focus-ring-offset': '2px',
  /** Minimum pointer target (WCAG 2.5.5 AAA size, which we hold ourselves to). */
  'size-target': '44px',
  'duration-fast': '100ms',
  'duration-normal': '200ms',
  'duration-slow': '400ms',
  /** One turn of a looping indicator (spinner, skeleton shimmer). */
  'duration-loop': '1200ms',
  'easing-standard': 'cubic-bezier(0.2, 0, 0, 1)',
  'breakpoint-sm': breakpoints.sm,
  'breakpoint-lg': breakpoints.lg,
} as const;

/** Scheme-independent token names. */
export type CommonToken = keyof typeof common;
/** Every token name, without the `--d1-` prefix. */
export type TokenName = SchemeToken | CommonToken;

/** The token values: `light` and `dark` per scheme, `common` for both. */
export const tokenValues = { light, dark, common } as const;

/** Durations under `prefers-reduced-motion: reduce`: nothing moves, loops stand still. */
const reducedMotion: { readonly [K in Extract<CommonToken, `duration-${string}`>]: string } = {
  'duration-fast': '0s',
  'duration-normal': '0s',
  'duration-slow': '0s',
  'duration-loop': '0s',
};

/** Under `forced-colors: active` the browser forces most colours; these keep rings and edges in system colours. */
const forcedColors: { readonly [K in SchemeToken]?: string } = {
  'color-focus-ring': 'Highlight',
  'color-border': 'CanvasText',
  'color-border-strong': 'CanvasText',
  'shadow-1': 'none',
  'shadow-2': 'none',
};

function declarations(values: Readonly<Record<string, string>>, indent: string): string {
  return Object.entries(values)
    .map(([name, value]) => `${indent}${TOKEN_PREFIX}${name}: ${value};`)
    .join('\n');
}

function rule(selector: string, body: string, indent = '  '): string {
  return `${indent}${selector} {\n${body}\n${indent}}`;
}

function generateCss(): string {
  return `/* Generated from design-system/src/tokens.ts by \`npm run tokens -w @digione/design-system\`. Do not edit. */
/*
 * Breakpoints (--d1-breakpoint-*) are for scripts and documentation: custom properties do not work inside
 * @media or @container. Components use the same widths from tokens.ts: sm ${breakpoints.sm} (640 px), lg ${breakpoints.lg} (1024 px).
 */
@layer d1-tokens, d1-base;

@layer d1-tokens {
${rule(':root', `${declarations(common, '    ')}\n${declarations(light, '    ')}\n    color-scheme: light;`)}

  /* A [data-theme=light] subtree stays light; [data-theme=dark] forces dark; otherwise follow the system. */
${rule("[data-theme='light']", `${declarations(light, '    ')}\n    color-scheme: light;`)}

  @media (prefers-color-scheme: dark) {
${rule(":root:not([data-theme='light'])", `${declarations(dark, '      ')}\n      color-scheme: dark;`, '    ')}
  }

${rule("[data-theme='dark']", `${declarations(dark, '    ')}\n    color-scheme: dark;`)}

  @media (prefers-reduced-motion: reduce) {
${rule(':root', declarations(reducedMotion, '      '), '    ')}
  }

  /* Doubled selectors outrank the scheme rules above. */
  @media (forced-colors: active) {
${rule(':root:root, [data-theme][data-theme]', declarations(forcedColors as Record<string, string>, '      '), '    ')}
  }
}

@layer d1-base {
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  html {
    -webkit-text-size-adjust: 100%;
    text-size-adjust: 100%;
    accent-color: var(--d1-color-brand);
  }

  body {
    margin: 0;
    font-family: var(--d1-font-family-sans);
    font-size: var(--d1-font-size-md);
    line-height: var(--d1-line-height-normal);
    color: var(--d1-color-text);
    background: var(--d1-color-background);
  }
}
`;
}

/**
 * The text of `tokens.css`. Tokens and base styles sit in cascade layers so that a tenant theme or an app's own
 * unlayered rules override them without a specificity fight. (Marked pure: bundles that do not use it drop it.)
 */
export const tokensCssText: string = /* @__PURE__ */ generateCss();

/** `tokens.css` as a lit `CSSResult`, for documents that cannot link the CSS file. */
export const tokensCss: CSSResult = /* @__PURE__ */ unsafeCSS(tokensCssText);

/**
 * Adopts the tokens and base styles into a document (once), for test pages and widget dev harnesses that do not
 * link `tokens.css`. The shell links the CSS file instead.
 */
export function adoptTokens(doc: Document = document): void {
  const sheet = tokensCss.styleSheet;
  if (sheet && !doc.adoptedStyleSheets.includes(sheet)) {
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
}
