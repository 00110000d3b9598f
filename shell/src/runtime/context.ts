import type { Child, PlatformUser, Role, WidgetContext } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { currentLocale, onLocaleChange } from '../locale/locale.js';
import { createPlatformApi } from '../platform/api.js';

/** What the shell knows when it builds a widget's context. */
export interface ContextSource {
  user: PlatformUser;
  role: Role;
  tenant: { id: string; name: string };
  actingFor: Child | undefined;
}

/**
 * Builds the frozen {@link WidgetContext} of one widget instance. Locale listeners are handed to `track` so that
 * the frame can drop them when the widget goes away.
 */
export function createWidgetContext(
  source: ContextSource,
  manifest: WidgetManifest,
  instanceId: string,
  instanceConfig: Readonly<Record<string, unknown>>,
  track: (stop: () => void) => void,
): WidgetContext {
  const { user, role, tenant, actingFor } = source;
  return Object.freeze({
    widget: Object.freeze({ id: manifest.id, instanceId, version: manifest.version }),
    user: Object.freeze({
      id: user.id,
      displayName: user.displayName,
      activeRole: role,
      roles: Object.freeze(user.roles.filter((r) => r.tenant === tenant.id).map((r) => r.role)),
      ...(user.learnerOid && role === 'pupil' ? { learnerOid: user.learnerOid } : {}),
      ...(actingFor && role === 'guardian'
        ? { actingFor: Object.freeze({ learnerOid: actingFor.learnerOid, name: actingFor.name }) }
        : {}),
    }),
    tenant: Object.freeze({ ...tenant }),
    get locale() {
      return currentLocale();
    },
    onLocaleChange(listener) {
      const stop = onLocaleChange(listener);
      track(stop);
      return stop;
    },
    api: createPlatformApi(manifest.id),
    config: Object.freeze({ ...instanceConfig }),
  } satisfies WidgetContext);
}
