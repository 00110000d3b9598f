import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLAIM, toPlatformUser, type IdentityClaims } from '@digione/sdk/identity';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from 'jose';
import { LEARNER_OID } from '../data/people.ts';
import { SANDBOX_TENANTS } from '../data/tenants.ts';
import {
  Browser,
  DpopKey,
  exchangeCode,
  freePort,
  refresh,
  shellClient,
  signIn,
  startSignIn,
  submitCredentials,
  asTokenSet,
  type TestClient,
} from '../testing/oidc-client.ts';
import { personaDrift, startIdentityProvider, type IdentityProvider } from './provider.ts';

const SHELL = 'http://localhost:4173';
const ROLE_VALUE = /^1\.2\.246\.562\.99\.\d+;(99\d{3})?;[^;]*;[^;]+;[1-6];(1\.2\.246\.562\.99\.\d+)?;(1\.2\.246\.562\.99\.\d+)?$/;
const LEARNER_RANGE = /^1\.2\.246\.562\.98\.\d+$/;

let provider: IdentityProvider;
let issuer: string;
let client: TestClient;

before(async () => {
  const port = await freePort();
  issuer = `http://localhost:${port}`;
  provider = await startIdentityProvider({ port, issuer, shellOrigin: SHELL });
  client = shellClient(issuer, SHELL);
});

after(async () => {
  await provider.close();
});

/** The identity claims of a token or userinfo answer, as toPlatformUser reads them. */
function identity(payload: JWTPayload | Record<string, unknown>): IdentityClaims {
  assert.equal(typeof payload.sub, 'string');
  return { ...payload, sub: String(payload.sub) };
}

async function userinfo(accessToken: string): Promise<Response> {
  return fetch(`${issuer}/me`, { headers: { authorization: `Bearer ${accessToken}`, origin: SHELL } });
}

describe('discovery', () => {
  it('names the endpoints, S256 PKCE and a userinfo endpoint', async () => {
    const response = await fetch(`${issuer}/.well-known/openid-configuration`);
    assert.equal(response.status, 200);
    const doc: Record<string, unknown> = await response.json();
    assert.equal(doc.issuer, issuer);
    assert.equal(doc.authorization_endpoint, `${issuer}/auth`);
    assert.equal(doc.token_endpoint, `${issuer}/token`);
    assert.equal(doc.jwks_uri, `${issuer}/jwks`);
    assert.equal(doc.userinfo_endpoint, `${issuer}/me`);
    assert.equal(doc.end_session_endpoint, `${issuer}/session/end`);
    assert.deepEqual(doc.code_challenge_methods_supported, ['S256']);
    assert.ok(Array.isArray(doc.claims_supported) && doc.claims_supported.includes(CLAIM.role));
    const jwks: { keys: { kty: string; alg?: string; use?: string; d?: string }[] } = await (await fetch(`${issuer}/jwks`)).json();
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]?.kty, 'RSA');
    assert.equal(jwks.keys[0]?.alg, 'RS256');
    assert.equal(jwks.keys[0]?.d, undefined, 'the private part must not be published');
  });

  it('answers /health', async () => {
    const response = await fetch(`${issuer}/health`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });
});

describe('sign-in page', () => {
  it('is a Finnish form with labelled inputs by default and requests nothing external', async () => {
    const pending = await startSignIn(client);
    assert.equal(pending.status, 200);
    assert.match(pending.pageUrl.pathname, /^\/interaction\/[\w-]+$/);
    const { html } = pending;
    assert.match(html, /<html lang="fi">/);
    assert.match(html, /<h1>Kirjaudu sisään<\/h1>/);
    assert.match(html, /<label for="username">Käyttäjätunnus<\/label><input id="username" name="username"/);
    assert.match(html, /<label for="password">Salasana<\/label><input id="password" name="password" type="password"/);
    assert.match(html, /<button type="submit">Kirjaudu<\/button>/);
    assert.equal(html.match(/name="username"/g)?.length, 1, 'exactly one username input');
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no external resources or links');
    assert.doesNotMatch(html, /@import|url\(/);
    for (const username of ['pupil', 'teacher', 'principal', 'admin', 'teacher-guardian', 'espoo-teacher', 'substitute', 'elev']) {
      assert.match(html, new RegExp(`<code>${username}</code>`));
    }
    assert.doesNotMatch(html, /<code>guardian<\/code>/, 'MPASSid is chosen: Suomi.fi users are on the other tab');
  });

  it('lets the person choose MPASSid or Suomi.fi, with exactly one form on either, listing that service\'s users', async () => {
    const pending = await startSignIn(client, { uiLocales: 'en' });
    const tab = /<a href="([^"]+)" data-source="suomifi"/.exec(pending.html)?.[1];
    assert.ok(tab, 'a link to the Suomi.fi form');
    assert.match(pending.html, /data-source="mpassid" aria-current="page"/);
    const suomifi = await (await pending.browser.request(new URL(tab.replaceAll('&amp;', '&'), pending.pageUrl))).text();
    assert.match(suomifi, /<h2 id="source-heading">Sign in with Suomi.fi identification<\/h2>/);
    assert.match(suomifi, /data-source="suomifi" aria-current="page"/);
    for (const html of [pending.html, suomifi]) {
      assert.equal(html.match(/<form /g)?.length, 1, 'one form');
      assert.equal(html.match(/name="username"/g)?.length, 1, 'one username input');
      assert.equal(html.match(/name="password"/g)?.length, 1, 'one password input');
      assert.equal(html.match(/type="submit"/g)?.length, 1, 'one submit button');
    }
    for (const username of ['guardian', 'guardian-two-cities', 'revoked-guardian']) assert.match(suomifi, new RegExp(`<code>${username}</code>`));
    assert.doesNotMatch(suomifi, /<code>pupil<\/code>/);
  });

  it('follows ui_locales and offers a language switch', async () => {
    const sv = await startSignIn(client, { uiLocales: 'sv-FI en' });
    assert.match(sv.html, /<html lang="sv">/);
    assert.match(sv.html, /<label for="username">Användarnamn<\/label>/);
    const switchTo = /<a href="([^"]+)" lang="en"/.exec(sv.html)?.[1];
    assert.ok(switchTo, 'a link to the English page');
    const en = await sv.browser.request(new URL(switchTo, sv.pageUrl));
    const html = await en.text();
    assert.match(html, /<html lang="en">/);
    assert.match(html, /<label for="username">Username<\/label>/);
  });

  it('sends a restrictive Content-Security-Policy that still lets the sign-in return to the shell', async () => {
    const browser = new Browser();
    const pending = await startSignIn(client, { browser });
    const again = await browser.request(pending.pageUrl);
    const csp = again.headers.get('content-security-policy') ?? '';
    await again.body?.cancel();
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, new RegExp(`form-action 'self' ${SHELL}`));
  });

  it('re-shows the form with an error and the typed username, and gives no code, on a wrong password', async () => {
    const pending = await startSignIn(client);
    const wrong = await submitCredentials(pending, 'pupil', 'wrong');
    assert.equal(wrong.kind, 'page');
    assert.ok(wrong.kind === 'page');
    assert.equal(wrong.status, 200);
    assert.match(wrong.html, /role="alert">Väärä käyttäjätunnus tai salasana/);
    assert.match(wrong.html, /name="username" type="text"[^>]* value="pupil"/);
    assert.match(wrong.html, /aria-invalid="true"/);
    assert.doesNotMatch(wrong.url.href, /code=/);
    // The same pending sign-in still works with the right password.
    const retry = await submitCredentials({ ...pending, html: wrong.html, pageUrl: wrong.url }, 'pupil', 'sandbox');
    assert.equal(retry.kind, 'code');
  });

  it('refuses an unknown user with the same message, in the page language', async () => {
    const pending = await startSignIn(client, { uiLocales: 'sv' });
    const outcome = await submitCredentials(pending, 'nobody', 'sandbox');
    assert.ok(outcome.kind === 'page');
    assert.match(outcome.html, /<html lang="sv">/);
    assert.match(outcome.html, /role="alert">Fel användarnamn eller lösenord/);
  });

  it('returns access_denied to the shell when the user cancels', async () => {
    const pending = await startSignIn(client);
    const abort = /<a href="([^"]+\/abort)"/.exec(pending.html)?.[1];
    assert.ok(abort);
    const start = new URL(abort, pending.pageUrl);
    const { url } = await pending.browser.follow(start, await pending.browser.request(start), client.redirectUri);
    assert.ok(url.href.startsWith(client.redirectUri));
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.equal(url.searchParams.get('code'), null);
  });
});

describe('authorization code flow', () => {
  it('requires PKCE', async () => {
    const browser = new Browser();
    const auth = new URL('/auth', issuer);
    auth.search = new URLSearchParams({
      client_id: client.clientId,
      redirect_uri: client.redirectUri,
      response_type: 'code',
      scope: 'openid profile',
      state: 's',
    }).toString();
    const { url } = await browser.follow(auth, await browser.request(auth), client.redirectUri);
    assert.ok(url.href.startsWith(client.redirectUri));
    assert.equal(url.searchParams.get('error'), 'invalid_request');
  });

  it('signs in the pupil with MPASSid claims in the id_token, the access token and userinfo', async () => {
    const tokens = await signIn(client, 'pupil');
    assert.ok(tokens.id_token && tokens.refresh_token);
    const idToken = decodeJwt(tokens.id_token);
    assert.equal(idToken.sub, 'sandbox-pupil');
    assert.equal(idToken.aud, 'digione-shell');
    assert.equal(idToken[CLAIM.idp], 'mpassid');
    assert.equal(idToken[CLAIM.mpassUid], 'mpass-pupil');
    assert.match(String(idToken[CLAIM.learnerOid]), LEARNER_RANGE);
    assert.equal(idToken[CLAIM.learnerOid], LEARNER_OID.veeti);
    assert.equal(idToken[CLAIM.classLevel], '7');
    assert.deepEqual(idToken[CLAIM.schoolInfo], ['99001;Testimäen yhtenäiskoulu', '1.2.246.562.99.00000000011;Testimäen yhtenäiskoulu']);
    assert.deepEqual(idToken[CLAIM.educationProviderInfo], ['1.2.246.562.99.00000000001;Vantaa']);
    const roles = idToken[CLAIM.role];
    assert.ok(Array.isArray(roles));
    for (const role of roles) assert.match(String(role), ROLE_VALUE);
    assert.deepEqual(roles, [
      '1.2.246.562.99.00000000001;99001;7A;Oppilas;1;1.2.246.562.99.00000000011;1.2.246.562.99.00000000111',
    ]);

    // The access token: a JWT for the platform, ten minutes long, verifiable against the JWKS, same claims.
    const header = decodeProtectedHeader(tokens.access_token);
    assert.equal(header.typ, 'at+jwt');
    assert.equal(header.alg, 'RS256');
    const { payload: at } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${issuer}/jwks`)), {
      issuer,
      audience: 'urn:digione:platform',
      typ: 'at+jwt',
    });
    assert.equal(Number(at.exp) - Number(at.iat), 600);
    assert.equal(tokens.expires_in, 600);
    assert.equal(at.client_id, 'digione-shell');
    for (const claim of [CLAIM.role, CLAIM.learnerOid, CLAIM.schoolInfo, CLAIM.idp, 'given_name', 'family_name', 'name']) {
      assert.deepEqual(at[claim], idToken[claim], `access token claim ${claim}`);
    }

    const info = await userinfo(tokens.access_token);
    assert.equal(info.status, 200);
    assert.equal(info.headers.get('access-control-allow-origin'), SHELL);
    const claims: Record<string, unknown> = await info.json();
    assert.equal(claims.sub, 'sandbox-pupil');
    assert.deepEqual(claims[CLAIM.role], roles);

    const user = toPlatformUser(identity(idToken), SANDBOX_TENANTS);
    assert.deepEqual(user.roleNames, ['pupil']);
    assert.deepEqual(user.tenants, ['vantaa']);
    assert.equal(user.learnerOid, LEARNER_OID.veeti);
    assert.deepEqual(user.roles[0]?.groups, ['7A']);
    assert.deepEqual(user.schools, [{ oid: '1.2.246.562.99.00000000011', code: '99001', name: 'Testimäen yhtenäiskoulu', tenant: 'vantaa' }]);
    assert.deepEqual(toPlatformUser(identity(claims), SANDBOX_TENANTS), user, 'userinfo maps to the same user');
  });

  it('signs in the guardian through the Suomi.fi stand-in with two ALLOWED mandates', async () => {
    const tokens = await signIn(client, 'guardian');
    assert.ok(tokens.id_token);
    const idToken = decodeJwt(tokens.id_token);
    assert.equal(idToken[CLAIM.idp], 'suomifi');
    assert.equal(idToken[CLAIM.role], undefined, 'no MPASSid roles for a Suomi.fi user');
    assert.equal(idToken[CLAIM.mpassUid], undefined);
    const mandates = idToken[CLAIM.mandates];
    assert.ok(Array.isArray(mandates));
    assert.deepEqual(mandates, [
      { principal: LEARNER_OID.veeti, name: 'Veeti Testinen', status: 'ALLOWED', educationProviderOid: '1.2.246.562.99.00000000001' },
      { principal: LEARNER_OID.aino, name: 'Aino Testinen', status: 'ALLOWED', educationProviderOid: '1.2.246.562.99.00000000001' },
    ]);
    const at = decodeJwt(tokens.access_token);
    assert.deepEqual(at[CLAIM.mandates], mandates);
    const user = toPlatformUser(identity(at), SANDBOX_TENANTS);
    assert.deepEqual(user.roleNames, ['guardian']);
    assert.equal(user.idp, 'suomifi');
    assert.deepEqual(
      user.children.map((c) => [c.learnerOid, c.tenant]),
      [
        [LEARNER_OID.veeti, 'vantaa'],
        [LEARNER_OID.aino, 'vantaa'],
      ],
    );
    for (const child of user.children) assert.match(child.learnerOid, LEARNER_RANGE);
  });

  it('gives the teacher-guardian both roles in one sign-in, and nothing for the DISALLOWED mandate', async () => {
    const tokens = await signIn(client, 'teacher-guardian');
    const info = await userinfo(tokens.access_token);
    const claims: Record<string, unknown> = await info.json();
    const roles = claims[CLAIM.role];
    assert.ok(Array.isArray(roles) && roles.length === 3);
    for (const role of roles) assert.match(String(role), ROLE_VALUE);
    const mandates = claims[CLAIM.mandates];
    assert.ok(Array.isArray(mandates) && mandates.length === 2);
    const user = toPlatformUser(identity(claims), SANDBOX_TENANTS);
    assert.deepEqual(user.roleNames, ['guardian', 'teacher']);
    assert.deepEqual(user.children.map((c) => c.learnerOid), [LEARNER_OID.elias]);
    const teacher = user.roles.find((r) => r.role === 'teacher');
    assert.deepEqual(teacher?.groups, ['7A', '8B', '9A']);
  });

  it('maps every persona to the roles the contract gives it', async () => {
    const expected: Record<string, { roles: string[]; tenants: string[] }> = {
      teacher: { roles: ['teacher'], tenants: ['vantaa'] },
      principal: { roles: ['principal'], tenants: ['vantaa'] },
      admin: { roles: ['admin'], tenants: ['vantaa'] },
      'espoo-teacher': { roles: ['teacher'], tenants: ['espoo'] },
    };
    for (const [username, want] of Object.entries(expected)) {
      const tokens = await signIn(client, username);
      const user = toPlatformUser(identity(decodeJwt(tokens.access_token)), SANDBOX_TENANTS);
      assert.deepEqual(user.roleNames, want.roles, username);
      assert.deepEqual(user.tenants, want.tenants, username);
    }
    const admin = decodeJwt((await signIn(client, 'admin')).access_token);
    assert.equal(admin[CLAIM.mpassUid], 'mpass-admin-vantaa');
    assert.deepEqual(admin[CLAIM.role], ['1.2.246.562.99.00000000001;;;Henkilökunta;3;;']);
  });

  it('lets the shell read the token endpoint cross-origin, and no other origin', async () => {
    const pending = await startSignIn(client);
    const outcome = await submitCredentials(pending, 'pupil', 'sandbox');
    assert.ok(outcome.kind === 'code');
    const answer = await exchangeCode(client, outcome.code, pending.pkce.verifier);
    assert.equal(answer.status, 200);
    assert.equal(answer.headers.get('access-control-allow-origin'), SHELL);

    const other = await startSignIn(client);
    const otherOutcome = await submitCredentials(other, 'pupil', 'sandbox');
    assert.ok(otherOutcome.kind === 'code');
    const evil = await exchangeCode({ ...client, origin: 'http://evil.example' }, otherOutcome.code, other.pkce.verifier);
    assert.equal(evil.headers.get('access-control-allow-origin'), null);
  });

  it('refuses userinfo without a valid access token', async () => {
    const none = await fetch(`${issuer}/me`);
    assert.equal(none.status, 401);
    assert.match(none.headers.get('www-authenticate') ?? '', /^Bearer /);
    const forged = await userinfo('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW5kYm94LXB1cGlsIn0.c2ln');
    assert.equal(forged.status, 401);
    assert.match(forged.headers.get('www-authenticate') ?? '', /error="invalid_token"/);
  });
});

describe('identity personas', () => {
  it('give a substitute teacher (role code 5) a teacher role in two schools', async () => {
    const tokens = await signIn(client, 'substitute');
    const roles = decodeJwt(tokens.access_token)[CLAIM.role];
    assert.ok(Array.isArray(roles) && roles.length === 2);
    for (const role of roles) {
      assert.match(String(role), ROLE_VALUE);
      assert.equal(String(role).split(';')[4], '5');
    }
    assert.match(String(roles[1]), /;Vikarierande lärare;5;/, 'MPASSid writes the role in the school\'s language');
    const user = toPlatformUser(identity(decodeJwt(tokens.access_token)), SANDBOX_TENANTS);
    assert.deepEqual(user.roleNames, ['teacher']);
    assert.deepEqual(user.schools.length, 2);
  });

  it('give a guardian children in two municipalities, a Swedish-school pupil, and a revoked mandate no role', async () => {
    const two = toPlatformUser(identity(decodeJwt((await signIn(client, 'guardian-two-cities')).access_token)), SANDBOX_TENANTS);
    assert.deepEqual(two.roleNames, ['guardian']);
    assert.deepEqual(two.children.map((c) => [c.learnerOid, c.tenant]), [
      [LEARNER_OID.oona, 'vantaa'],
      [LEARNER_OID.ella, 'espoo'],
    ]);
    assert.deepEqual(two.tenants.sort(), ['espoo', 'vantaa']);

    const elev = decodeJwt((await signIn(client, 'elev')).access_token);
    assert.equal(elev[CLAIM.learnerOid], LEARNER_OID.elias);
    assert.deepEqual(elev[CLAIM.schoolInfo], ['99002;Testbackens svenska skola', '1.2.246.562.99.00000000012;Testbackens svenska skola']);
    assert.match(String((elev[CLAIM.role] as string[])[0]), /^[^;]*;99002;5A;Elev;1;/);
    assert.deepEqual(toPlatformUser(identity(elev), SANDBOX_TENANTS).roleNames, ['pupil']);

    const revoked = decodeJwt((await signIn(client, 'revoked-guardian')).access_token);
    assert.deepEqual((revoked[CLAIM.mandates] as Array<{ status: string }>).map((m) => m.status), ['DISALLOWED']);
    const user = toPlatformUser(identity(revoked), SANDBOX_TENANTS);
    assert.deepEqual(user.roleNames, []);
    assert.deepEqual(user.children, []);
  });
});

describe('options', () => {
  it('shorten the access token and announce the sign-in lifetime; the shell client gets auth_time', async () => {
    const port = await freePort();
    const shortIssuer = `http://localhost:${port}`;
    const short = await startIdentityProvider({ port, issuer: shortIssuer, shellOrigin: SHELL, accessTokenTtl: 3, sessionTtl: 120 });
    try {
      const shortClient = shellClient(shortIssuer, SHELL);
      const tokens = await signIn(shortClient, 'pupil');
      assert.equal(tokens.expires_in, 3);
      const at = decodeJwt(tokens.access_token);
      assert.equal((at.exp ?? 0) - (at.iat ?? 0), 3);
      assert.equal(typeof decodeJwt(tokens.id_token ?? '').auth_time, 'number');
      const doc: Record<string, unknown> = await (await fetch(`${shortIssuer}/.well-known/openid-configuration`)).json();
      assert.equal(doc.digione_session_ttl, 120);
      assert.equal(doc.authorization_response_iss_parameter_supported, true, 'RFC 9207 iss in the authorization response');
    } finally {
      await short.close();
    }
    await assert.rejects(
      startIdentityProvider({ port, issuer: shortIssuer, shellOrigin: SHELL, accessTokenTtl: 0 }),
      /accessTokenTtl must be a whole number/,
    );
  });
});

describe('refresh tokens', () => {
  it('are issued without prompt=consent, rotate, and a reused one revokes the sign-in', async () => {
    const first = await signIn(client, 'guardian');
    assert.ok(first.refresh_token, 'the shell gets a refresh token');

    const second = asTokenSet(await refresh(client, first.refresh_token));
    assert.ok(second.refresh_token);
    assert.notEqual(second.refresh_token, first.refresh_token, 'rotated');
    assert.ok(second.id_token, 'a fresh id_token with the refresh');
    const at = decodeJwt(second.access_token);
    assert.equal(at.aud, 'urn:digione:platform');
    assert.equal(at.sub, 'sandbox-guardian');
    assert.ok(Array.isArray(at[CLAIM.mandates]));
    assert.equal((await userinfo(second.access_token)).status, 200);

    // oidc-client-ts sends back the scope of the previous token answer.
    assert.equal(second.scope, 'openid profile');
    const third = asTokenSet(await refresh(client, second.refresh_token, { scope: second.scope ?? '' }));
    assert.ok(third.refresh_token);

    // Replaying a used refresh token is theft or a race between tabs: the whole grant ends.
    const replay = await refresh(client, first.refresh_token);
    assert.equal(replay.status, 400);
    assert.equal(replay.body.error, 'invalid_grant');
    const afterReplay = await refresh(client, third.refresh_token);
    assert.equal(afterReplay.body.error, 'invalid_grant');
  });
});

describe('DPoP (RFC 9449)', () => {
  it('binds the shell\'s access and refresh tokens to its key: a refresh without a proof of that key is refused', async () => {
    const key = await client.dpop;
    const first = await signIn(client, 'pupil');
    assert.equal(first.token_type, 'DPoP');
    assert.deepEqual(decodeJwt(first.access_token).cnf, { jkt: key.jkt });
    assert.ok(first.refresh_token);

    // The refresh token as another device would use it: without a proof, then with a proof of its own key.
    const endpoint = new URL('/token', issuer);
    const form = (refreshToken: string) =>
      new URLSearchParams({ client_id: client.clientId, grant_type: 'refresh_token', refresh_token: refreshToken }).toString();
    const send = async (dpop?: string) => {
      const response = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...(dpop ? { dpop } : {}) },
        body: form(first.refresh_token!),
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    const bare = await send();
    assert.equal(bare.status, 400);
    assert.equal(bare.body.error, 'invalid_grant', JSON.stringify(bare.body));
    const stranger = await (await DpopKey.generate()).proof('POST', endpoint);
    const foreign = await send(stranger);
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.error, 'invalid_grant', JSON.stringify(foreign.body));

    // The holder of the key still renews (the refused attempts did not consume the token), and stays bound.
    const renewed = asTokenSet(await refresh(client, first.refresh_token));
    assert.deepEqual(decodeJwt(renewed.access_token).cnf, { jkt: key.jkt });
  });

  it('refuses the shell\'s token requests without a proof', async () => {
    const pending = await startSignIn(client);
    const outcome = await submitCredentials(pending, 'pupil', 'sandbox');
    assert.equal(outcome.kind, 'code');
    const response = await fetch(new URL('/token', issuer), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: client.clientId,
        grant_type: 'authorization_code',
        code: outcome.kind === 'code' ? outcome.code : '',
        redirect_uri: client.redirectUri,
        code_verifier: pending.pkce.verifier,
      }).toString(),
    });
    assert.equal(response.status, 400);
    assert.equal(((await response.json()) as { error?: string }).error, 'invalid_grant');
  });
});

describe('RP-initiated logout', () => {
  it('signs out without a question when the shell sends id_token_hint and its post_logout_redirect_uri', async () => {
    const tokens = await signIn(client, 'pupil', 'sandbox');
    assert.ok(tokens.id_token && tokens.refresh_token);
    const { browser } = tokens;
    const end = new URL('/session/end', issuer);
    end.search = new URLSearchParams({
      id_token_hint: tokens.id_token,
      post_logout_redirect_uri: `${SHELL}/`,
      ui_locales: 'sv',
      state: 'bye',
    }).toString();
    const page = await browser.request(end);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    const html = await page.text();
    assert.match(html, /<html lang="sv">/);
    assert.match(html, /<form id="op\.logoutForm" method="post"/);
    assert.match(html, /<input type="hidden" form="op\.logoutForm" name="logout" value="yes">/);
    assert.match(html, /<button autofocus type="submit" form="op\.logoutForm">Logga ut<\/button>/);
    assert.match(html, /<script>document\.getElementById\('op\.logoutForm'\)\.submit\(\);<\/script>/);
    assert.match(csp, /script-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.match(csp, new RegExp(`form-action 'self' ${SHELL}`));

    // What the script does: post the form with its xsrf token and logout=yes.
    const action = /<form id="op\.logoutForm" method="post" action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    assert.ok(action && xsrf);
    const confirm = new URL(action, end);
    const posted = await browser.request(confirm, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ xsrf, logout: 'yes' }).toString(),
    });
    assert.equal(posted.status, 303);
    const location = new URL(posted.headers.get('location') ?? '', confirm);
    assert.equal(`${location.origin}${location.pathname}`, `${SHELL}/`);
    assert.equal(location.searchParams.get('state'), 'bye');

    // The sign-in is over: its refresh token is dead and the next authorization asks for credentials again.
    const afterLogout = await refresh(client, tokens.refresh_token);
    assert.equal(afterLogout.body.error, 'invalid_grant');
    const again = await startSignIn(client, { browser });
    assert.match(again.pageUrl.pathname, /^\/interaction\//);
    assert.match(again.html, /name="password"/);
  });

  it('asks before signing out when the request does not say who is asking', async () => {
    const tokens = await signIn(client, 'teacher');
    const page = await tokens.browser.request(new URL('/session/end', issuer));
    const html = await page.text();
    assert.equal(page.status, 200);
    assert.match(html, /<html lang="fi">/);
    assert.doesNotMatch(html, /<script>/);
    assert.match(html, /name="logout" value="yes">Kirjaudu ulos<\/button>/);
    assert.match(html, />Pysy kirjautuneena<\/button>/);
  });

  it('keeps the session while a user is signed in: a second authorization needs no password', async () => {
    const tokens = await signIn(client, 'principal');
    const pending = await startSignIn(client, { browser: tokens.browser });
    assert.equal(pending.status, 303, 'straight back to the shell with a code');
  });
});

describe('tenant configuration', () => {
  it('fits the personas as shipped, and names the drift when an admin is missing', () => {
    assert.deepEqual(personaDrift(SANDBOX_TENANTS), []);
    const withoutAdmins = SANDBOX_TENANTS.map((t) => ({ ...t, admins: [] }));
    const drift = personaDrift(withoutAdmins);
    // Each admin persona (Vantaa's `admin`, and `espoo-admin` of the identity personas) loses its role.
    assert.deepEqual(drift.map((line) => /persona "([^"]+)"/.exec(line)?.[1]), ['admin', 'espoo-admin']);
    assert.match(drift[0] ?? '', /persona "admin" maps to roles \[\] in \[\]/);
  });
});
