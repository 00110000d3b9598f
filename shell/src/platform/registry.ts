import type { Role } from '@digione/sdk';
import type { MeResponse, ResolvedDashboard } from '@digione/manifests/types';
import { config } from '../config.js';
import { getJson } from './http.js';

export type { ResolvedDashboard };

/** Public facts of a tenant the shell shows. */
export type TenantInfo = MeResponse['tenants'][number];

/** The signed-in user as the platform sees them, and the names of their tenants. */
export async function fetchMe(): Promise<MeResponse> {
  return getJson({ url: new URL('/v1/me', config.registryUrl) });
}

/** The resolved dashboard of `role` in `tenant`. */
export async function fetchDashboard(role: Role, tenant: string): Promise<ResolvedDashboard> {
  const url = new URL('/v1/dashboard', config.registryUrl);
  url.searchParams.set('role', role);
  url.searchParams.set('tenant', tenant);
  return getJson({ url });
}
