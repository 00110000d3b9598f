/**
 * The {@link WidgetContext}: everything a widget gets from the platform. The SDK declares it; the shell
 * implements it. Widgets reach platform services only through this object, never through globals.
 *
 * @packageDocumentation
 */
import type { Client } from 'openapi-fetch';
import type { PlatformPaths } from './api-types.js';
import type { WidgetEvents } from './events.js';
import type { Role } from './identity.js';
import type { Locale } from './locale.js';
import type { WidgetTelemetry } from './telemetry.js';

/** The child a guardian currently acts for. */
export interface ActingFor {
  /** The child's national learner number: pass it as `learner` to the platform API. */
  readonly learnerOid: string;
  /** The child's name as the guardian sees it. */
  readonly name: string;
}

/** The person a widget works for, as much as a widget needs to know. */
export interface WidgetUser {
  /** Subject identifier; stable per person. */
  readonly id: string;
  /** Name to greet the person with. */
  readonly displayName: string;
  /** The role whose dashboard is showing. */
  readonly activeRole: Role;
  /** Every role the person holds in this tenant. */
  readonly roles: readonly Role[];
  /** The pupil's own national learner number, for pupils. */
  readonly learnerOid?: string;
  /** For a guardian: the child they currently act for. */
  readonly actingFor?: ActingFor;
  /**
   * The school the user acts in, when the active role is held in a school (pupils and staff; not guardians or
   * admins). A teacher who holds the role in several schools picks one in the platform's header; a widget that
   * lists school data should show that school's only. Pass its `oid` as `school` where the platform API takes one.
   */
  readonly school?: {
    /** The school's OID (test schools are in 1.2.246.562.99.*). */
    readonly oid: string;
    /** The school's own name, as the identity provider gives it (not translated). */
    readonly name: string;
  };
}

/** The municipality whose dashboard is showing. */
export interface WidgetTenant {
  /** Short stable id, e.g. `vantaa`. */
  readonly id: string;
  /** Display name in the locale that was active when the widget mounted. */
  readonly name: string;
}

/**
 * The platform API as a widget sees it: an openapi-fetch client typed by the platform's OpenAPI document.
 * The platform attaches the credentials and the widget's id to every call; the widget never sees a token.
 *
 * Every call that the platform answers with an error, or cannot reach, rejects with a `PlatformApiError` that
 * carries the problem document, so a resolved call always has `data` (unless the answer has no body).
 *
 * @example
 * ```ts
 * const { data } = await context.api.GET('/v1/schedule', { params: { query: { from: '2026-11-30', to: '2026-12-04' } } });
 * ```
 */
export type PlatformApi = Pick<Client<PlatformPaths>, 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'>;

/** Light or dark colours. */
export type ColorScheme = 'light' | 'dark';

/** How the dashboard looks; the design system's CSS custom properties already follow it. */
export interface WidgetTheme {
  /** The colour scheme in force (the user's system setting unless the platform overrides it). */
  readonly scheme: ColorScheme;
  /** The tenant's brand name in the active locale, e.g. `Vantaa` (`Vanda` in Swedish). */
  readonly brand: string;
}

/** Moving the user elsewhere, which only the platform may do. */
export interface WidgetNavigation {
  /**
   * Opens `url` in a new tab, without giving that page a handle to this one (`noopener`). Only `https:` URLs, and
   * `http:` on localhost, are allowed.
   *
   * @throws `WidgetContextError` `navigation.url-refused` for any other URL.
   */
  openExternal(url: string): void;
  /**
   * Scrolls to another widget on the dashboard and moves the keyboard focus to it.
   *
   * @returns false when no widget with that manifest id is on the dashboard.
   */
  openWidget(widgetId: string): boolean;
}

/** How a notification looks and how urgently assistive technology announces it. */
export type NotificationKind = 'info' | 'success' | 'warning' | 'error';

/** A short notification the platform shows as a toast. */
export interface WidgetNotification {
  /** `warning` and `error` are announced at once (`role="alert"`), the others politely (`role="status"`). */
  readonly kind: NotificationKind;
  /** Plain text in the active locale; no markup. The platform shows the widget's title with it. */
  readonly message: string;
}

/** Toasts, shown and dismissed by the platform. */
export interface WidgetNotifications {
  /**
   * Shows a toast. It dismisses itself after a while (not while the pointer or focus is on it) and has a dismiss
   * button. A widget that has unmounted can no longer notify.
   */
  notify(notification: WidgetNotification): void;
}

/** Per-user settings of this widget, stored by the platform (the same on every device the user signs in on). */
export interface WidgetSettings {
  /**
   * The stored settings, or undefined when the user has none yet. Settings are the widget's own: check their
   * shape, since an older version of the widget may have written them.
   *
   * @throws `PlatformApiError` when the platform cannot be reached.
   */
  get<T extends Readonly<Record<string, unknown>> = Readonly<Record<string, unknown>>>(): Promise<Partial<T> | undefined>;
  /**
   * Replaces the stored settings with `value`: a JSON object of at most 8 KiB.
   *
   * @throws `WidgetContextError` `settings.invalid-value`; `PlatformApiError` when the platform refuses it.
   */
  set(value: Readonly<Record<string, unknown>>): Promise<void>;
}

/** Which widget and which placement of it on the dashboard this is. */
export interface WidgetIdentity {
  /** Manifest id, `vendor.name`. */
  readonly id: string;
  /** The placement's id on the dashboard; two placements of one widget have different ids. */
  readonly instanceId: string;
  /** The widget's version from its manifest. */
  readonly version: string;
}

/**
 * Everything a widget gets from the platform, handed to its element as the `context` property by
 * {@link defineWidget}. Listeners and subscriptions made through it end when the widget unmounts.
 *
 * @example
 * ```ts
 * class AcmeHello extends LitElement {
 *   @property({ attribute: false }) context?: WidgetContext;
 *   override render() {
 *     return html`<p>${this.context?.user.displayName}</p>`;
 *   }
 * }
 * ```
 */
export interface WidgetContext {
  /** Which widget and placement this is. */
  readonly widget: WidgetIdentity;
  /** The person, their active role and (for guardians) the child they act for. */
  readonly user: WidgetUser;
  /** The municipality. */
  readonly tenant: WidgetTenant;
  /** The active locale; read it again after a change. */
  readonly locale: Locale;
  /** Calls `listener` whenever the user switches language; returns the function that stops it. */
  onLocaleChange(listener: (locale: Locale) => void): () => void;
  /** The current theme; read it again after a change. */
  readonly theme: WidgetTheme;
  /** Calls `listener` whenever the theme changes; returns the function that stops it. */
  onThemeChange(listener: (theme: WidgetTheme) => void): () => void;
  /** The platform API client. */
  readonly api: PlatformApi;
  /** The event bus between widgets. */
  readonly events: WidgetEvents;
  /** Links out and to other widgets. */
  readonly navigation: WidgetNavigation;
  /** Toasts. */
  readonly notifications: WidgetNotifications;
  /** The user's settings of this widget. */
  readonly settings: WidgetSettings;
  /** xAPI learning telemetry. */
  readonly telemetry: WidgetTelemetry;
  /** This instance's configuration, as the tenant's dashboard sets it. */
  readonly config: Readonly<Record<string, unknown>>;
}
