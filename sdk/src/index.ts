/**
 * `@digione/sdk`: the typed contract between the DigiOne shell and vendor widgets.
 *
 * A widget imports only this package and `@digione/design-system`; it never imports the shell. The shell
 * implements every interface declared here.
 *
 * @packageDocumentation
 */
export { SDK_VERSION } from './version.js';
export { LOCALES, DEFAULT_LOCALE, isLocale, intlLocale, createTranslator } from './locale.js';
export type { Locale, Messages } from './locale.js';
export { PlatformApiError, WidgetContextError, CONTEXT_ERROR } from './errors.js';
export type { ContextErrorCode } from './errors.js';
export type {
  WidgetContext,
  WidgetUser,
  WidgetTenant,
  WidgetIdentity,
  ActingFor,
  PlatformApi,
  ColorScheme,
  WidgetTheme,
  WidgetNavigation,
  NotificationKind,
  WidgetNotification,
  WidgetNotifications,
  WidgetSettings,
} from './context.js';
export { TOPIC_PATTERN } from './events.js';
export type { WidgetEventMap, EventTopic, EventSource, EventHandler, WidgetEvents } from './events.js';
export { XAPI_VERSION, XAPI_VERBS } from './telemetry.js';
export type {
  XapiVerbName,
  LanguageMap,
  TrackedActivity,
  TrackedResult,
  TrackedScore,
  TrackedStatement,
  WidgetTelemetry,
} from './telemetry.js';
export { defineWidget, TAG_TAKEN } from './define-widget.js';
export type { WidgetLifecycles, WidgetProps, DefineWidgetOptions, ContextConsumer } from './define-widget.js';
export { ROLES, isRole } from './identity.js';
export type { Role, PlatformUser, Child, School, RoleAssignment } from './identity.js';
export type * from './api-types.js';
