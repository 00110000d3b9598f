import type { TenantConfig } from '@digione/sdk/identity';

/** Test education providers (municipalities). OIDs are in the test range 1.2.246.562.99.*. */
export const PROVIDER_OID = {
  vantaa: '1.2.246.562.99.00000000001',
  espoo: '1.2.246.562.99.00000000002',
} as const;

/** The MPASSid user id of the Vantaa platform admin persona; manifests/tenants/vantaa.json lists it in `admins`. */
export const VANTAA_ADMIN_UID = 'mpass-admin-vantaa';

/**
 * The sandbox's tenants, as manifests/tenants/{vantaa,espoo}.json hold them. The servers take their tenants as a
 * start option (the start script reads the manifest files); this copy is the default and what the tests use.
 */
export const SANDBOX_TENANTS: readonly TenantConfig[] = [
  {
    id: 'vantaa',
    providerOid: PROVIDER_OID.vantaa,
    name: { fi: 'Vantaa', sv: 'Vanda', en: 'Vantaa' },
    admins: [VANTAA_ADMIN_UID],
  },
  {
    id: 'espoo',
    providerOid: PROVIDER_OID.espoo,
    name: { fi: 'Espoo', sv: 'Esbo', en: 'Espoo' },
    // As manifests/tenants/espoo.json has it; the identity persona `espoo-admin` signs in with this uid.
    admins: ['mpass-admin-espoo'],
  },
];
