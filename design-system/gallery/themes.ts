import type { TenantTheme } from '../src/index.js';

function logo(fill: string, letter: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="${fill}"/><text x="20" y="27" font-family="sans-serif" font-size="20" font-weight="700" text-anchor="middle" fill="#fff">${letter}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** Demo themes for the gallery's tenant switch (made-up colours, not the municipalities' own). */
export const galleryThemes: readonly TenantTheme[] = [
  {
    name: 'espoo',
    logoUrl: logo('#1d5c3a', 'E'),
    light: { primary: '#1d5c3a', onPrimary: '#ffffff', primaryHover: '#154a2e', accent: '#8a4b00', onAccent: '#ffffff' },
    dark: { primary: '#8fd6ac', onPrimary: '#08210f', primaryHover: '#a9e2c0', accent: '#ffc27a', onAccent: '#2a1600' },
  },
  {
    name: 'vantaa',
    logoUrl: logo('#8c1d52', 'V'),
    light: { primary: '#8c1d52', onPrimary: '#ffffff', primaryHover: '#701741', accent: '#0d5c73', onAccent: '#ffffff' },
    dark: { primary: '#ffa8cf', onPrimary: '#33061c', primaryHover: '#ffc2dd', accent: '#8fd8ef', onAccent: '#04242e' },
  },
  {
    // Refused on purpose: the gallery shows the failing pairs.
    name: 'keltala',
    logoUrl: logo('#b38600', 'K'),
    light: { primary: '#f2c94c', onPrimary: '#ffffff', accent: '#ffe9a8', onAccent: '#ffffff' },
    dark: { primary: '#f2c94c', onPrimary: '#ffffff', accent: '#ffe9a8', onAccent: '#ffffff' },
  },
];
