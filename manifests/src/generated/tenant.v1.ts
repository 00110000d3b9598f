// Generated from schemas/tenant.v1.json by `npm run gen -w manifests`. Do not edit: change the schema
// and run it again (a test fails while this file is stale).

import type { LocalizedText } from './widget-manifest.v1.ts';
/**
 * Short stable id of a tenant, e.g. vantaa.
 *
 * This interface was referenced by `Tenant`'s JSON-Schema
 * via the `definition` "tenantId".
 */
export type TenantId = string;

/**
 * Platform configuration of one tenant (municipality): TenantConfig in @digione/sdk/identity.
 */
export interface Tenant {
  /**
   * This schema's id, for editors; the validator also picks the schema by the file's folder.
   */
  $schema?: "https://schemas.digione.fi/tenant/v1.json";
  id: TenantId;
  /**
   * OID of the municipality as an education provider; MPASSid role values name it.
   */
  providerOid: string;
  name: LocalizedText;
  /**
   * MPASSid user ids (urn:mpass.id:uid) of the tenant's platform admins.
   */
  admins: string[];
}
