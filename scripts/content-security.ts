/**
 * The shell page's Content Security Policy and integrity import map, built afresh from the registry's approvals on
 * every page load (docs/security.md, "Content Security Policy and integrity"). Any host that serves the shell in
 * production does the same with these two functions.
 */
import { createHash } from 'node:crypto';

import type { ContentSources } from '@digione/manifests';

/** What the registry's `GET /v1/content-sources` answers (manifests/src/registry/content-sources.ts). */
export type { ContentSources };

/** Retry URLs of an entry the page pins too; the same number as shell/src/runtime/integrity.ts PINNED_RETRIES. */
export const PINNED_RETRIES = 3;

/** The platform's own services, which the shell's page calls. */
export interface PlatformOrigins {
  identity: string;
  api: string;
  registry: string;
}

/** Where the browser posts violation reports (the shell host logs them). */
export const CSP_REPORT_PATH = '/csp-reports';

/**
 * Trusted Types policies the page may create: lit's template policy. Nothing else in the shell or the libraries it
 * loads writes HTML or script URLs into the DOM; a widget that tries is refused by the browser.
 */
const TRUSTED_TYPES_POLICIES = ['lit-html'];

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Hashes of the inline `<script>` (without src) and `<style>` elements of `html`, for script-src and style-src. */
function inlineHashes(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1] ?? ''));
  const styles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => sha256(m[1] ?? ''));
  return { scripts, styles };
}

/**
 * `indexHtml` with an import map that pins every approved widget file by hash (the browser then refuses any module
 * whose bytes differ, for the entry and every chunk it imports), placed before any module script as import maps must be.
 */
export function withIntegrityMap(indexHtml: string, sources: ContentSources | undefined): string {
  const integrity: Record<string, string> = { ...sources?.integrity };
  if (Object.keys(integrity).length === 0) return indexHtml;
  // The frame's retry imports an entry under `?digione-retry=<n>` (a failed module URL stays failed for the page).
  for (const entry of sources?.entries ?? []) {
    const hash = integrity[entry];
    if (!hash) continue;
    for (let attempt = 1; attempt <= PINNED_RETRIES; attempt++) {
      const url = new URL(entry);
      url.searchParams.set('digione-retry', String(attempt));
      integrity[url.href] = hash;
    }
  }
  // `<` is escaped so that no URL can close the script element early.
  const json = JSON.stringify({ imports: {}, integrity }).replace(/</g, '\\u003c');
  const map = `<script type="importmap">${json}</script>`;
  const at = indexHtml.search(/<script|<link/);
  if (at < 0) throw new Error('the shell page has no script to place the integrity import map before');
  return `${indexHtml.slice(0, at)}${map}\n    ${indexHtml.slice(at)}`;
}

const list = (values: Iterable<string>): string => [...new Set(values)].join(' ');

/**
 * Which shell page a path is, for framing ("Preview as", docs/decisions/0008-preview-as.md): the preview page may be
 * framed by the shell's own origin only (the admin area, which the app may reach from any page without a reload, so
 * every shell page may frame its own origin), every other page by nobody.
 */
export type ShellPage = 'preview' | 'other';
/** The path of the preview page (shell/src/admin/preview-page.ts). */
export const PREVIEW_PATH = '/preview';
export const pageKind = (path: string): ShellPage => (path === PREVIEW_PATH ? 'preview' : 'other');

/**
 * The page's policy. Scripts: the shell's own files, its inline scripts by hash, and the origins of approved
 * in-page widgets — nothing else, no eval. Connections: the shell and the platform's services, plus approved in-page
 * widgets' origins (their code runs in the page and may call home); any other origin is refused. Frames: approved
 * `iframe` widgets only. With `sources` undefined (the registry is down) no widget origin is allowed.
 */
export function shellCsp(html: string, platform: PlatformOrigins, sources: ContentSources | undefined, page: ShellPage = 'other'): string {
  const { scripts, styles } = inlineHashes(html);
  const widgetCode = sources?.script ?? [];
  const frames = ["'self'", ...(sources?.frame ?? [])];
  return [
    "default-src 'none'",
    `script-src ${list(["'self'", ...scripts, ...widgetCode])}`,
    `style-src ${list(["'self'", ...styles])}`,
    `img-src ${list(["'self'", 'data:', ...widgetCode, ...(sources?.img ?? [])])}`,
    "font-src 'self'",
    `connect-src ${list(["'self'", platform.identity, platform.api, platform.registry, ...widgetCode])}`,
    `frame-src ${list(frames)}`,
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    `frame-ancestors ${page === 'preview' ? "'self'" : "'none'"}`,
    "require-trusted-types-for 'script'",
    `trusted-types ${TRUSTED_TYPES_POLICIES.join(' ')}`,
    `report-uri ${CSP_REPORT_PATH}`,
  ].join('; ');
}
