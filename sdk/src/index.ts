/**
 * `@digione/sdk`: the typed contract between the DigiOne shell and vendor widgets.
 *
 * A widget imports only this package and `@digione/design-system`; it never imports the shell.
 *
 * @packageDocumentation
 */
export { SDK_VERSION } from './version.js';
export { LOCALES, DEFAULT_LOCALE, isLocale, intlLocale, createTranslator } from './locale.js';
export type { Locale, Messages } from './locale.js';
export { PlatformApiError } from './context.js';
export type { WidgetContext, WidgetUser, PlatformApi, Query } from './context.js';
export { defineWidget, TAG_TAKEN } from './define-widget.js';
export type { WidgetLifecycles, WidgetProps, DefineWidgetOptions, ContextConsumer } from './define-widget.js';
export { ROLES, isRole } from './identity.js';
export type { Role, PlatformUser, Child, School, RoleAssignment } from './identity.js';
export type * from './api-types.js';
