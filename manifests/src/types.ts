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
import type { TenantTheme } from './generated/tenant-policy.v1.ts';

/**
 * Answer of `GET /v1/me`: the user, and the id, name and theme (of the latest policy, when the tenant has one) of
 * each tenant they hold a role in.
 */
export interface MeResponse {
  user: PlatformUser;
  tenants: (Pick<TenantConfig, 'id' | 'name'> & { theme?: TenantTheme })[];
}

/** Answer of `GET /v1/catalogue`. */
export interface CatalogueResponse {
  widgets: WidgetManifest[];
}
/** The registry API (openapi/registry-api.yaml) as openapi-typescript writes it, for typed clients (openapi-fetch). */
export type { paths as RegistryPaths, components as RegistryComponents } from './generated/registry-api.ts';
