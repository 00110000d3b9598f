/**
 * The sandbox's stand-in for a vendor's release step: after `npm run build`, each reference widget's manifest is
 * published with the hashes of the files its vendor host serves (`integrity` and `chunks`, docs/widgets.md), so
 * that the sandbox runs every in-page widget pinned, as production does. The repository's manifests stay unpinned
 * (their hashes would change with every build); the registry gets a pinned copy.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildIntegrity } from '@digione/manifests';

/** A copy of a manifests folder whose module widgets served from `builds` are pinned. */
export interface PinnedManifests {
  dir: string;
  /** Widget ids that were pinned. */
  pinned: string[];
  remove(): Promise<void>;
}

/**
 * Copies `manifestsDir` and pins every `module` widget whose entry is `<base>remoteEntry.js` (or another file) under
 * a base URL of `builds` (base URL → the build folder that URL serves).
 */
export async function pinSandboxBuilds(manifestsDir: string, builds: Readonly<Record<string, string>>): Promise<PinnedManifests> {
  const dir = await mkdtemp(join(tmpdir(), 'digione-pinned-manifests-'));
  try {
    await cp(manifestsDir, dir, { recursive: true });
    const pinned: string[] = [];
    const catalogue = join(dir, 'catalogue');
    for (const file of (await readdir(catalogue)).filter((f) => f.endsWith('.json')).sort()) {
      const manifest = JSON.parse(await readFile(join(catalogue, file), 'utf8')) as Record<string, unknown>;
      const entry = typeof manifest['entry'] === 'string' ? manifest['entry'] : '';
      const base = Object.keys(builds).find((prefix) => entry.startsWith(prefix));
      if (manifest['kind'] !== 'module' || base === undefined || manifest['integrity'] !== undefined) continue;
      const { integrity, chunks } = await buildIntegrity(builds[base]!, entry.slice(base.length));
      manifest['integrity'] = integrity;
      if (Object.keys(chunks).length > 0) manifest['chunks'] = chunks;
      await writeFile(join(catalogue, file), `${JSON.stringify(manifest, null, 2)}\n`);
      pinned.push(String(manifest['id']));
    }
    return { dir, pinned, remove: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
