/**
 * What a vendor puts into a module widget's manifest to pin its bytes: the entry's `integrity` and every other
 * JavaScript file of the build as `chunks`, by path relative to the entry (docs/widgets.md, "Integrity").
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** The manifest members that pin a build. */
export interface BuildIntegrity {
  integrity: string;
  chunks: Record<string, string>;
}

const sri = (bytes: Buffer): string => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/**
 * Hashes the build in `dist` whose entry is `entry` (relative to `dist`). Every `.js`/`.mjs` file below the entry's
 * folder is listed, so that whatever the entry imports, statically or on demand, is pinned; a file outside that
 * folder cannot be named relative to the entry and is an error.
 */
export async function buildIntegrity(dist: string, entry = 'remoteEntry.js'): Promise<BuildIntegrity> {
  const entryFile = path.resolve(dist, entry);
  const base = path.dirname(entryFile);
  const files = (await readdir(dist, { recursive: true }))
    .map((file) => path.resolve(dist, String(file)))
    .filter((file) => /\.m?js$/.test(file) && file !== entryFile)
    .sort();
  const chunks: Record<string, string> = {};
  for (const file of files) {
    const relative = path.relative(base, file).split(path.sep).join('/');
    if (relative.startsWith('../')) throw new Error(`${file} lies outside the entry's folder ${base}: it cannot be pinned relative to the entry`);
    chunks[relative] = sri(await readFile(file));
  }
  return { integrity: sri(await readFile(entryFile)), chunks };
}
