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
 * How the shell shows the tenant: its name, logo, `colours` on the light scheme and `dark` on the dark scheme. `dark` left out: the dark scheme keeps DigiOne's own dark brand colours (light-scheme brand colours are too dark for dark surfaces), so only the light scheme is branded. Contrast is checked with the design system's check (docs/decisions/0005-tenant-themes.md).
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
  dark?: BrandColours;
}
/**
 * A tenant's colours for one scheme. `primary` for the header and primary buttons, links and the focus ring; `onPrimary` for text and icons on it; `accent` for badges and highlights (left out: `primary`), `onAccent` for text on it (left out: `onPrimary`). The registry refuses colours that miss WCAG 2.1 AA: 4.5:1 for text pairs (onPrimary on primary, onAccent on accent, primary on the page's surface and background), 3:1 for accent on the surface.
 *
 * This interface was referenced by `TenantPolicy`'s JSON-Schema
 * via the `definition` "brandColours".
 */
export interface BrandColours {
  primary: Colour;
  onPrimary: Colour;
  accent?: Colour;
  onAccent?: Colour;
}
