import { LOCALES, SDK_VERSION, type Locale } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { satisfies } from '../runtime/semver.js';

/**
 * The conformance status the catalogue shows for a widget: only what the shell can check honestly from the manifest
 * and its own build, with no claim beyond it (it is not a security review).
 * - `locales`: the widget says it speaks fi, sv and en, and its title and description have all three.
 * - `entry`: its entry is https; `http://localhost` (the sandbox on this computer) is allowed but said so.
 * - `pinned`: a `module` widget (the only kind whose code runs in the page) carries the `integrity` hash of its entry,
 *   which the shell checks before the code runs; iframe and link widgets need none. The sandbox's localhost entries
 *   may go without, as the manifest schema allows.
 * - `sdk`: the widget's SDK range is satisfied by this shell's SDK, so the runtime will not refuse it.
 */
export type CheckId = 'locales' | 'entry' | 'pinned' | 'sdk';

/** The result of one check: `pass`, `warn` (acceptable here, e.g. a sandbox address) or `fail`. */
export interface Check {
  id: CheckId;
  outcome: 'pass' | 'warn' | 'fail';
  /** Which sentence (the admin strings' `catalogue.checks` key) describes the outcome. */
  message:
    | 'locales'
    | 'localesMissing'
    | 'entry'
    | 'entrySandbox'
    | 'entryInsecure'
    | 'pinned'
    | 'pinnedNotNeeded'
    | 'unpinnedSandbox'
    | 'unpinned'
    | 'sdk'
    | 'sdkMismatch';
  /** Values for the sentence's placeholders. */
  vars: Record<string, string>;
}

/** Whether `entry` is an http address on this computer (the sandbox's vendor hosts). */
function isLocalHttp(entry: URL): boolean {
  return entry.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(entry.hostname);
}

/** Every conformance check of `manifest`, in a fixed order. */
export function conformance(manifest: WidgetManifest, sdkVersion: string = SDK_VERSION): Check[] {
  const locales = manifest.locales as readonly string[];
  const missing = LOCALES.filter(
    (locale: Locale) => !locales.includes(locale) || !manifest.title[locale] || !manifest.description[locale],
  );
  let entry: URL | undefined;
  try {
    entry = new URL(manifest.entry);
  } catch {
    entry = undefined;
  }
  const https = entry?.protocol === 'https:';
  const local = entry !== undefined && isLocalHttp(entry);
  const runsInPage = manifest.kind === 'module';
  let sdkOk: boolean;
  try {
    sdkOk = satisfies(sdkVersion, manifest.sdk);
  } catch {
    sdkOk = false;
  }
  return [
    missing.length === 0
      ? { id: 'locales', outcome: 'pass', message: 'locales', vars: {} }
      : { id: 'locales', outcome: 'fail', message: 'localesMissing', vars: { missing: missing.join(', ') } },
    https
      ? { id: 'entry', outcome: 'pass', message: 'entry', vars: {} }
      : local
        ? { id: 'entry', outcome: 'warn', message: 'entrySandbox', vars: {} }
        : { id: 'entry', outcome: 'fail', message: 'entryInsecure', vars: { entry: manifest.entry } },
    !runsInPage
      ? { id: 'pinned', outcome: 'pass', message: 'pinnedNotNeeded', vars: {} }
      : manifest.integrity
        ? { id: 'pinned', outcome: 'pass', message: 'pinned', vars: {} }
        : local
          ? { id: 'pinned', outcome: 'warn', message: 'unpinnedSandbox', vars: {} }
          : { id: 'pinned', outcome: 'fail', message: 'unpinned', vars: {} },
    sdkOk
      ? { id: 'sdk', outcome: 'pass', message: 'sdk', vars: { range: manifest.sdk, version: sdkVersion } }
      : { id: 'sdk', outcome: 'fail', message: 'sdkMismatch', vars: { range: manifest.sdk, version: sdkVersion } },
  ];
}

/** A widget conforms when no check fails (sandbox warnings do not count against it). */
export function conforms(checks: readonly Check[]): boolean {
  return checks.every((check) => check.outcome !== 'fail');
}
