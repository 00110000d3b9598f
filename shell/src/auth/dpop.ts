/**
 * DPoP proofs (RFC 9449) for the shell's calls to the registry, the platform API and the token exchange, signed with
 * the session's key pair (the one oidc-client-ts uses at the token endpoint; idb-store.ts keeps it). A few lines of
 * WebCrypto rather than oidc-client-ts's `dpopProof()`: a signed-in reload calls the registry before oidc-client-ts
 * (~20 kB) is loaded, and loading it for this would cost the first dashboard a round trip.
 */

const b64url = (bytes: ArrayBuffer | Uint8Array): string =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
const encode = (value: unknown): string => b64url(new TextEncoder().encode(JSON.stringify(value)));

/**
 * A proof for one request: `htm`, `htu` (without query and fragment), a fresh `jti`, `iat` on the provider's clock
 * (the device's moved by `offsetMs`, so that a device with a wrong clock still makes proofs the servers accept) and,
 * with `accessToken`, its hash (`ath`), which resource servers require.
 */
export async function signProof(keys: CryptoKeyPair, method: string, url: string, accessToken: string | undefined, offsetMs: number): Promise<string> {
  // The public half, as the `jwk` header carries it (exporting it again per proof costs less than keeping it).
  const { crv, kty, x, y } = await crypto.subtle.exportKey('jwk', keys.publicKey);
  const htu = new URL(url);
  htu.search = htu.hash = '';
  const input = `${encode({ alg: 'ES256', typ: 'dpop+jwt', jwk: { crv, kty, x, y } })}.${encode({
    jti: crypto.randomUUID(),
    htm: method.toUpperCase(),
    htu: htu.href,
    iat: Math.floor((Date.now() + offsetMs) / 1000),
    ...(accessToken === undefined ? {} : { ath: b64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(accessToken))) }),
  })}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, new TextEncoder().encode(input));
  return `${input}.${b64url(signature)}`;
}
