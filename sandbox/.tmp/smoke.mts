import { startIdentityProvider } from '/work/main/sandbox/src/provider/provider.ts';
import { freePort, shellClient, signIn } from '/work/main/sandbox/src/testing/oidc-client.ts';
import { decodeJwt, decodeProtectedHeader } from 'jose';
const port = await freePort();
const issuer = `http://localhost:${port}`;
const p = await startIdentityProvider({ port, issuer, shellOrigin: 'http://localhost:4173' });
try {
  const d = await (await fetch(issuer + '/.well-known/openid-configuration')).json();
  console.log(d.userinfo_endpoint, d.end_session_endpoint, d.code_challenge_methods_supported);
  const c = shellClient(issuer, 'http://localhost:4173');
  const t = await signIn(c, 'teacher-guardian');
  console.log(Object.keys(t), t.scope);
  console.log(decodeProtectedHeader(t.access_token), decodeJwt(t.access_token));
  console.log(decodeJwt(t.id_token!));
  const ui = await fetch(issuer + '/me', { headers: { authorization: 'Bearer ' + t.access_token } });
  console.log(ui.status, await ui.json());
} finally { await p.close(); }
