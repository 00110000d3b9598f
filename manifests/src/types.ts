/**
 * The types of DigiOne's manifests (generated from schemas/) and of the registry's answers. Import from
 * `@digione/manifests/types`; it has no run-time code, so the shell can import it freely.
 */
export type * from './generated/widget-manifest.v1.ts';
export type * from './generated/dashboard.v1.ts';
export type * from './generated/tenant.v1.ts';
export type * from './generated/tenant-policy.v1.ts';
export type { ResolvedDashboard, ResolvedInstance } from './registry/resolve.ts';
import type { PlatformUser, TenantConfig } from '@digione/sdk/identity';
import type { WidgetManifest } from './generated/widget-manifest.v1.ts';

/** Answer of `GET /v1/me`: the user, and the id and name of each tenant they hold a role in. */
export interface MeResponse {
  user: PlatformUser;
  tenants: Pick<TenantConfig, 'id' | 'name'>[];
}

/** Answer of `GET /v1/catalogue`. */
export interface CatalogueResponse {
  widgets: WidgetManifest[];
}
/** The registry API (openapi/registry-api.yaml) as openapi-typescript writes it, for typed clients (openapi-fetch). */
export type { paths as RegistryPaths, components as RegistryComponents } from './generated/registry-api.ts';
