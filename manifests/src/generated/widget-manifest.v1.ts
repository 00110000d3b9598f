// Generated from schemas/widget-manifest.v1.json by `npm run gen -w manifests`. Do not edit: change the schema
// and run it again (a test fails while this file is stale).
/**
 * `vendor.name` in lowercase, e.g. kajo.schedule.
 *
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "widgetId".
 */
export type WidgetId = string;
/**
 * The vendor's web site.
 */
export type WebUrl = string;
/**
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "nonEmptyText".
 */
export type NonEmptyText = string;
/**
 * How the shell runs the widget: `module` in the page through module federation (reviewed vendors only), `iframe` in a sandboxed cross-origin frame, `link` as a tile that opens the entry URL.
 *
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "widgetKind".
 */
export type WidgetKind = "module" | "iframe" | "link";
/**
 * Where the widget lives: the remoteEntry.js of a module widget, the page of an iframe or link widget.
 */
export type WebUrl1 = string;
/**
 * The vendor's own page of the service. A tenant that approves a `module` or `iframe` widget only at the `link` level gets a tile that opens this page instead of the widget's code.
 */
export type WebUrl2 = string;
/**
 * The @digione/sdk versions the widget works with, as an npm semver range such as ^0.1.0; the shell refuses a widget whose range it cannot satisfy.
 */
export type SemverRange = string;
/**
 * A role a dashboard is composed for (ROLES in @digione/sdk/identity).
 *
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "role".
 */
export type Role = "pupil" | "guardian" | "teacher" | "principal" | "admin";
/**
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "dottedName".
 */
export type DottedName = string;
/**
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "locale".
 */
export type Locale = "fi" | "sv" | "en";
/**
 * A tile size: s (one column), m (two), l (full width).
 *
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "size".
 */
export type WidgetSize = "s" | "m" | "l";
/**
 * An image shown beside the title.
 */
export type WebUrl3 = string;
/**
 * An npm semver range such as ^0.1.0, ~1.2, >=1.0.0 <2.0.0, 1.2.3 or ^1.0.0 || ^2.0.0.
 *
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "semverRange".
 */
export type SemverRange1 = string;
/**
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "webUrl".
 */
export type WebUrl4 = string;

/**
 * What a vendor declares about one widget: who made it, where its code is, which roles, scopes, locales and sizes it supports. A manifest is data only: it can never carry code.
 */
export interface WidgetManifest {
  /**
   * This schema's id, for editors; the validator also picks the schema by the file's folder.
   */
  $schema?: "https://schemas.digione.fi/widget-manifest/v1.json";
  id: WidgetId;
  /**
   * The widget's own version (semver 2.0.0).
   */
  version: string;
  vendor: WidgetVendor;
  title: LocalizedText;
  description: LocalizedText;
  kind: WidgetKind;
  entry: WebUrl1;
  /**
   * Subresource integrity hash of the entry's bytes, checked by the shell before the code runs.
   */
  integrity?: string;
  chunks?: ChunkIntegrity;
  federation?: WidgetFederation;
  element?: WidgetElement;
  service?: WebUrl2;
  sdk: SemverRange;
  /**
   * The roles the widget is made for; the registry never places it on a dashboard of another role.
   *
   * @minItems 1
   */
  roles: Role[];
  /**
   * Platform API scopes the widget's tokens may carry, e.g. schedule.read.
   */
  scopes: DottedName[];
  /**
   * The locales the widget's own texts are translated to.
   *
   * @minItems 1
   */
  locales: Locale[];
  /**
   * The tile sizes the widget can render in: s (one column), m (two), l (full width).
   *
   * @minItems 1
   */
  sizes: WidgetSize[];
  /**
   * JSON Schema (2020-12) of the per-instance config a dashboard may give the widget; its root must describe an object.
   */
  config?: {
    [k: string]: unknown | undefined;
  };
  events?: WidgetEvents;
  icon?: WebUrl3;
}
/**
 * The company that makes and hosts the widget.
 */
export interface WidgetVendor {
  /**
   * The vendor's short id: the first part of every widget id it publishes.
   */
  id: string;
  /**
   * The vendor's legal name, e.g. Kajo Oppimisratkaisut Oy.
   */
  name: string;
  url?: WebUrl;
}
/**
 * One text in each platform locale: a widget's title (its name as users see it) or description (one or two sentences on what it shows), a tenant's name.
 *
 * This interface was referenced by `WidgetManifest`'s JSON-Schema
 * via the `definition` "localizedText".
 */
export interface LocalizedText {
  fi: NonEmptyText;
  sv: NonEmptyText;
  en: NonEmptyText;
}
/**
 * Subresource integrity of every other file the entry imports, by path relative to the entry (e.g. assets/index-3f2a9c.js). With `integrity`, it pins every byte of a module widget: the shell refuses any listed file whose bytes differ. `npx digione integrity <dist> <entry URL>` prints both from a build.
 */
export interface ChunkIntegrity {
  [k: string]: string | undefined;
}
/**
 * The module federation remote of a `module` widget.
 */
export interface WidgetFederation {
  /**
   * The remote's module federation name (`name` in the vendor's federation config), e.g. kajo_schedule.
   */
  name: string;
  /**
   * The exposed module that default-exports the widget, e.g. ./widget.
   */
  expose: string;
}
/**
 * The custom element of a plain ES-module `module` widget (no SDK, no module federation): the shell imports the entry as a module, which defines the tag, then creates the element and hands it the context as its `context` property.
 */
export interface WidgetElement {
  /**
   * The tag the entry defines, e.g. relative-time.
   */
  tag: string;
  /**
   * Attributes the shell sets on the element (data only: no event-handler or style attributes).
   */
  attributes?: {
    [k: string]: string | undefined;
  };
}
/**
 * Event-bus names the widget publishes and subscribes to.
 */
export interface WidgetEvents {
  publishes?: DottedName[];
  subscribes?: DottedName[];
}
