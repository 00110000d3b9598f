import { PROVIDER_OID } from './tenants.ts';

/** A test school. Codes are 5-digit and start with 99; OIDs are in 1.2.246.562.99.*. */
export interface SchoolRecord {
  oid: string;
  /** Five-digit school code (oppilaitosnumero). */
  code: string;
  name: string;
  /** The language the school teaches and writes in. */
  lang: 'fi' | 'sv';
  /** Tenant id. */
  tenant: string;
  providerOid: string;
  /** OID of the school's office (toimipiste), the last field of an MPASSid role value. */
  officeOid: string;
}

export const SCHOOL_OID = {
  testimaki: '1.2.246.562.99.00000000011',
  testbacken: '1.2.246.562.99.00000000012',
  kokeilulaakso: '1.2.246.562.99.00000000021',
  esimerkkirinne: '1.2.246.562.99.00000000022',
} as const;

export const SCHOOLS: readonly SchoolRecord[] = [
  {
    oid: SCHOOL_OID.testimaki,
    code: '99001',
    name: 'Testimäen yhtenäiskoulu',
    lang: 'fi',
    tenant: 'vantaa',
    providerOid: PROVIDER_OID.vantaa,
    officeOid: '1.2.246.562.99.00000000111',
  },
  {
    oid: SCHOOL_OID.testbacken,
    code: '99002',
    name: 'Testbackens svenska skola',
    lang: 'sv',
    tenant: 'vantaa',
    providerOid: PROVIDER_OID.vantaa,
    officeOid: '1.2.246.562.99.00000000121',
  },
  {
    oid: SCHOOL_OID.kokeilulaakso,
    code: '99101',
    name: 'Kokeilulaakson koulu',
    lang: 'fi',
    tenant: 'espoo',
    providerOid: PROVIDER_OID.espoo,
    officeOid: '1.2.246.562.99.00000000211',
  },
  {
    oid: SCHOOL_OID.esimerkkirinne,
    code: '99102',
    name: 'Esimerkkirinteen koulu',
    lang: 'fi',
    tenant: 'espoo',
    providerOid: PROVIDER_OID.espoo,
    officeOid: '1.2.246.562.99.00000000221',
  },
];

const byOid = new Map(SCHOOLS.map((s) => [s.oid, s]));

/** The school with this OID; throws for an OID the test data does not hold (a bug in the data, not input). */
export function schoolByOid(oid: string): SchoolRecord {
  const school = byOid.get(oid);
  if (!school) throw new Error(`sandbox.data: no school ${oid}`);
  return school;
}
