// Generated from schemas/tenant-policy.v1.json by `npm run gen -w manifests`. Do not edit: change the schema
// and run it again (a test fails while this file is stale).

import type { TenantId } from './tenant.v1.ts';
import type { DottedName, LocalizedText, SemverRange, WebUrl, WidgetId } from './widget-manifest.v1.ts';
/**
 * How far into the page the widget may run: `module` (in the page; also allows iframe and link), `iframe` (a sandboxed frame; also allows link) or `link` (a tile only).
 */
export type IntegrationLevel = "module" | "iframe" | "link";
/**
 * This interface was referenced by `TenantPolicy`'s JSON-Schema
 * via the `definition` "colour".
 */
export type Colour = string;

/**
 * What one tenant allows: the widgets (and versions) its dashboards may use, the API scopes each widget's tokens may carry, how far into the page each may run, and the tenant's theme. Every published change gets a new version.
 */
export interface TenantPolicy {
  /**
   * This schema's id, for editors; the validator also picks the schema by the file's folder.
   */
  $schema?: "https://schemas.digione.fi/tenant-policy/v1.json";
  tenant: TenantId;
  /**
   * Grows by one with every published change; the registry keeps earlier versions.
   */
  version: number;
  /**
   * Approved widgets by widget id; a widget not named here is never served to the tenant's users.
   */
  widgets: {
    [k: string]: WidgetApproval | undefined;
  };
  theme: TenantTheme;
}
/**
 * The tenant's approval of one widget.
 *
 * This interface was referenced by `TenantPolicy`'s JSON-Schema
 * via the `definition` "approval".
 */
export interface WidgetApproval {
  /**
   * The widget versions approved, as a semver range or an exact version (e.g. ^0.1.0 or 1.2.3).
   */
  versions: SemverRange;
  /**
   * The platform API scopes granted to the widget; its tokens carry only these, even if its manifest asks for more.
   */
  scopes: DottedName[];
  integration: IntegrationLevel;
}
/**
 * How the shell shows the tenant; the design system checks the colours' contrast.
 *
 * This interface was referenced by `TenantPolicy`'s JSON-Schema
 * via the `definition` "theme".
 */
export interface TenantTheme {
  /**
   * The name shown in the header.
   */
  name: LocalizedText;
  /**
   * The logo image.
   */
  logo?: WebUrl;
  colours: BrandColours;
}
/**
 * `primary` for the header and primary buttons, `onPrimary` for text and icons on it, `accent` for links and highlights.
 */
export interface BrandColours {
  primary: Colour;
  onPrimary: Colour;
  accent?: Colour;
}
