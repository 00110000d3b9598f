/**
 * The DigiOne developer sandbox: an MPASSid/Suomi.fi-like OpenID provider and the platform API over test data.
 *
 * @packageDocumentation
 */
import { toPlatformUser, type Role } from '@digione/sdk/identity';
import type { LocalizedText } from '../../sdk/src/api-types.ts';
import { claimsOf } from './data/claims.ts';
import { PERSONA_RECORDS, SANDBOX_PASSWORD } from './data/people.ts';
import { SANDBOX_TENANTS } from './data/tenants.ts';

export {
  startIdentityProvider,
  SHELL_CLIENT_ID,
  PLATFORM_AUDIENCE,
  ACCESS_TOKEN_TTL,
  type IdentityProviderOptions,
  type IdentityProvider,
} from './provider/provider.ts';
export {
  registryApprovals,
  TOKEN_EXCHANGE_GRANT,
  WIDGET_TOKEN_TTL,
  type WidgetApproval,
  type WidgetApprovals,
  type WidgetApprovalQuery,
} from './provider/token-exchange.ts';
export { startPlatformApi, MAX_SCHEDULE_DAYS, type PlatformApiOptions, type PlatformApi } from './api/api.ts';
export type { AuditEntry } from './api/audit.ts';
export { OPENAPI_PATH, loadOpenApi, operationsOf, type OpenApiDocument, type Operation } from './api/openapi.ts';
export { renderReference, REFERENCE_PATH } from './api/reference.ts';
export { SANDBOX_TENANTS, SANDBOX_PASSWORD, claimsOf, personaByUsername } from './data/index.ts';

/** A sandbox test user, as the start banner lists it. */
export interface PersonaSummary {
  username: string;
  password: string;
  /** The tenant (municipality) id. */
  tenant: string;
  /** Which identity service the persona stands in for. */
  idp: 'mpassid' | 'suomifi';
  /** The DigiOne roles the persona's claims map to (with the sandbox's tenants). */
  roles: Role[];
  /** Who the persona is, in English, for the console. */
  description: string;
  /** Who the persona is, in each locale. */
  descriptions: LocalizedText;
}

/** The sandbox's test users; the password of each is `sandbox`. */
export const PERSONAS: readonly PersonaSummary[] = PERSONA_RECORDS.map((p) => ({
  username: p.username,
  password: SANDBOX_PASSWORD,
  tenant: p.tenant,
  idp: p.idp,
  roles: toPlatformUser(claimsOf(p), SANDBOX_TENANTS).roleNames,
  description: p.description.en,
  descriptions: p.description,
}));
