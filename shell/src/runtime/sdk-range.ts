import { SDK_VERSION } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { WidgetError } from './errors.js';
import { satisfies } from './semver.js';

/**
 * Refuses a widget whose manifest's `sdk` range the page's SDK does not satisfy, before any of its code is
 * fetched: it would call parts of the context that are not there.
 */
export function checkSdkRange(manifest: Pick<WidgetManifest, 'id' | 'sdk'>, version: string = SDK_VERSION): void {
  if (!satisfies(version, manifest.sdk)) {
    throw new WidgetError(
      'sdk-mismatch',
      `widget ${manifest.id} needs @digione/sdk ${manifest.sdk}, but this platform provides ${version}`,
    );
  }
}
