import type { PlatformUser, Role } from '@digione/sdk';
import type { WidgetManifest } from '@digione/manifests/types';
import { config } from '../config.js';
import { getJson } from './http.js';

/** One placed widget instance of a resolved dashboard. */
export interface LayoutItem {
  instanceId: string;
  widget: string;
  size: 's' | 'm' | 'l';
  config?: Record<string, unknown>;
}

/** The dashboard of one (tenant, role) with the manifests of the widgets it uses. */
export interface ResolvedDashboard {
  tenant: string;
  role: Role;
  version: number;
  layout: LayoutItem[];
  widgets: Record<string, WidgetManifest>;
}

/** Public facts of a tenant the shell shows. */
export interface TenantInfo {
  id: string;
  name: Record<'fi' | 'sv' | 'en', string>;
}

/** The signed-in user as the platform sees them. */
export async function fetchMe(): Promise<{ user: PlatformUser; tenants?: TenantInfo[] }> {
  return getJson({ url: new URL('/v1/me', config.registryUrl) });
}

/** The resolved dashboard of `role` in `tenant`. */
export async function fetchDashboard(role: Role, tenant: string): Promise<ResolvedDashboard> {
  const url = new URL('/v1/dashboard', config.registryUrl);
  url.searchParams.set('role', role);
  url.searchParams.set('tenant', tenant);
  return getJson({ url });
}
