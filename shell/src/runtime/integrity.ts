import type { WidgetManifest } from '@digione/manifests/types';
import { WidgetError } from './errors.js';

/**
 * How many times the frame may retry a pinned widget in one page load. A browser remembers a failed module URL for
 * the life of the page, so a retry imports the entry under `?digione-retry=<n>`; the page's import map pins those
 * URLs too (scripts/content-security.ts), up to this many.
 */
export const PINNED_RETRIES = 3;

/** The integrity the page's import map pins, by absolute URL; read once, as the browser does. */
let pinned: ReadonlyMap<string, string> | undefined;

function pageIntegrity(): ReadonlyMap<string, string> {
  if (pinned) return pinned;
  const map = new Map<string, string>();
  for (const script of document.querySelectorAll('script[type="importmap"]')) {
    try {
      const parsed = JSON.parse(script.textContent ?? '{}') as { integrity?: Record<string, unknown> };
      for (const [url, hash] of Object.entries(parsed.integrity ?? {})) {
        if (typeof hash === 'string') map.set(new URL(url, document.baseURI).href, hash);
      }
    } catch {
      // A malformed import map pins nothing; the browser refuses it too.
    }
  }
  pinned = map;
  return map;
}

/**
 * Refuses, before any of its bytes are fetched, a widget whose manifest pins its entry when this page's import map
 * does not pin `url` with the same hash: the browser would then run the entry unchecked. That happens when a tenant
 * approved the widget (or a new version of it) after the page was loaded; a reload picks the approval up.
 */
export function assertPinned(manifest: WidgetManifest, url: string): void {
  if (!manifest.integrity) return;
  if (pageIntegrity().get(url) !== manifest.integrity) {
    throw new WidgetError('integrity', `widget ${manifest.id}: ${url} is not pinned to ${manifest.integrity} on this page; reload it`);
  }
}

async function sha384(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  let binary = '';
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `sha384-${btoa(binary)}`;
}

/**
 * After a pinned widget failed to load: whether the vendor now serves bytes other than the ones its manifest pins
 * (entry or any chunk), which is why the browser refused to run them. Only a diagnosis: the browser's own check
 * through the import map is what kept the code from running.
 */
export async function integrityMismatch(manifest: WidgetManifest, entryUrl: string): Promise<boolean> {
  if (!manifest.integrity) return false;
  const files: Array<[string, string]> = [
    [entryUrl, manifest.integrity],
    ...Object.entries(manifest.chunks ?? {}).flatMap(([path, hash]): Array<[string, string]> => (hash ? [[new URL(path, manifest.entry).href, hash]] : [])),
  ];
  const checks = files.map(async ([url, expected]) => {
    try {
      const response = await fetch(url, { cache: 'no-store', credentials: 'omit', mode: 'cors' });
      if (!response.ok) return false;
      return (await sha384(await response.arrayBuffer())) !== expected;
    } catch {
      return false;
    }
  });
  return (await Promise.all(checks)).some(Boolean);
}
