import type { Child, Locale, PlatformUser, Role, School, WidgetContext, WidgetNotification, WidgetTheme } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import type { WidgetTokenRequest } from '../auth/widget-tokens.js';
import { currentLocale, onLocaleChange } from '../locale/locale.js';
import { createPlatformApi } from '../platform/api.js';
import { createWidgetSettings } from '../platform/settings.js';
import { createWidgetTelemetry } from '../platform/telemetry.js';
import type { EventBus } from './event-bus.js';
import { createNavigation, type NavigationHost } from './navigation.js';
import type { WidgetScope } from './scope.js';
import { currentScheme, onSchemeChange } from './theme.js';

/** What the shell knows about the signed-in person when it builds a widget's context. */
export interface ContextSource {
  user: PlatformUser;
  role: Role;
  tenant: { id: string; name: Readonly<Record<Locale, string>> };
  actingFor: Child | undefined;
  /** OID of the school chosen in the header, when the role is held in several schools of the tenant. */
  school?: string | undefined;
}

/**
 * The schools where `user` holds `role` in `tenant`, in the order the identity provider listed the roles. More
 * than one (a substitute teacher in two schools) gives the header its school switcher.
 */
export function schoolsOf(user: PlatformUser, role: Role, tenant: string): School[] {
  const oids = new Set(user.roles.filter((r) => r.role === role && r.tenant === tenant).map((r) => r.schoolOid));
  return user.schools.filter((school) => oids.has(school.oid));
}

/**
 * The school a widget's user acts in: the chosen one if the role is held there, else the only school of the role
 * in the tenant. None for roles held without a school (guardians, admins), and none rather than a guess when the
 * role is held in several and none was chosen.
 */
export function activeSchool(source: ContextSource): WidgetContext['user']['school'] {
  const schools = schoolsOf(source.user, source.role, source.tenant.id);
  const school = schools.find((s) => s.oid === source.school) ?? (schools.length === 1 ? schools[0] : undefined);
  return school && Object.freeze({ oid: school.oid, name: school.name });
}

/** The services of one dashboard that every widget's context reaches into. */
export interface ContextServices {
  /** The dashboard's event bus. */
  bus: EventBus;
  /** Shows a toast on behalf of a widget. */
  notify(notification: WidgetNotification, manifest: WidgetManifest): void;
  /** Where the frames are, for `navigation.openWidget`. */
  navigation: NavigationHost;
  /** The platform API's base URL. */
  apiUrl: string;
  /**
   * The token of one widget on this dashboard (shell/src/auth/widget-tokens.ts): exchanged for the widget's
   * approved scopes, never the shell's own token. Only the API client's fetch calls it; the context never holds it.
   */
  token: (request: WidgetTokenRequest) => Promise<string>;
  /** The fetch the API client calls; tests pass a fake. */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * Where a widget sits, as its token is bound: the widget and its approved scopes (the resolved manifest's, already
 * cut to the tenant's grant), the dashboard's tenant and role, and a guardian's child. The shell can ask for the
 * token as soon as the dashboard is known, before the widget's code has arrived.
 */
export function widgetPlace(manifest: Pick<WidgetManifest, 'id' | 'scopes'>, source: ContextSource): WidgetTokenRequest {
  const { role, tenant, actingFor } = source;
  return Object.freeze({
    widget: manifest.id,
    scopes: Object.freeze([...manifest.scopes]),
    tenant: tenant.id,
    role,
    ...(actingFor && role === 'guardian' ? { child: actingFor.learnerOid } : {}),
  });
}

/**
 * Builds the frozen {@link WidgetContext} of one mounted widget instance. Every listener and subscription made
 * through it is tracked by `scope`, which the frame ends when the widget unmounts; after that the context's
 * notifications and events do nothing.
 */
export function createWidgetContext(
  services: ContextServices,
  source: ContextSource,
  manifest: WidgetManifest,
  instanceId: string,
  instanceConfig: Readonly<Record<string, unknown>>,
  scope: WidgetScope,
): WidgetContext {
  const { user, role, tenant, actingFor } = source;
  const place = widgetPlace(manifest, source);
  const school = activeSchool(source);
  const api = createPlatformApi({
    widgetId: manifest.id,
    baseUrl: services.apiUrl,
    token: () => services.token(place),
    ...(services.fetch ? { fetch: services.fetch } : {}),
  });
  const theme = (): WidgetTheme => Object.freeze({ scheme: currentScheme(), brand: tenant.name[currentLocale()] });
  return Object.freeze({
    widget: Object.freeze({ id: manifest.id, instanceId, version: manifest.version }),
    user: Object.freeze({
      id: user.id,
      displayName: user.displayName,
      activeRole: role,
      roles: Object.freeze([...new Set(user.roles.filter((r) => r.tenant === tenant.id).map((r) => r.role))]),
      ...(user.learnerOid && role === 'pupil' ? { learnerOid: user.learnerOid } : {}),
      ...(actingFor && role === 'guardian'
        ? { actingFor: Object.freeze({ learnerOid: actingFor.learnerOid, name: actingFor.name }) }
        : {}),
      ...(school ? { school } : {}),
    }),
    tenant: Object.freeze({ id: tenant.id, name: tenant.name[currentLocale()] }),
    get locale() {
      return currentLocale();
    },
    onLocaleChange(listener) {
      return scope.track(onLocaleChange(listener));
    },
    get theme() {
      return theme();
    },
    onThemeChange(listener) {
      return scope.track(onSchemeChange(() => listener(theme())));
    },
    api,
    events: services.bus.forWidget(manifest, instanceId, scope),
    navigation: createNavigation(manifest.id, services.navigation),
    notifications: Object.freeze({
      notify(notification: WidgetNotification): void {
        if (scope.alive) services.notify(notification, manifest);
      },
    }),
    settings: createWidgetSettings(api, manifest.id),
    telemetry: createWidgetTelemetry(api, () => ({
      widgetId: manifest.id,
      widgetVersion: manifest.version,
      locale: currentLocale(),
    })),
    config: Object.freeze({ ...instanceConfig }),
  } satisfies WidgetContext);
}
