/**
 * The provider's pages in real Chromium: their CSP lets their own style and script run and nothing else, axe finds
 * no accessibility violations, and the shell's sign-out needs no click. Chromium is required (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { exchangeCode, freePort, pkce, shellClient, type TestClient } from '../testing/oidc-client.ts';
import { startIdentityProvider, type IdentityProvider } from './provider.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let browser: Browser;
let provider: IdentityProvider;
let shell: Server;
let shellOrigin: string;
let client: TestClient;
let axeSource: string;

before(async () => {
  const [idpPort, shellPort] = [await freePort(), await freePort()];
  shellOrigin = `http://localhost:${shellPort}`;
  // A stand-in for the shell's origin: every page is an empty document that the test can recognise.
  shell = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!DOCTYPE html><html lang="en"><title>shell</title></html>');
  });
  await new Promise<void>((resolve) => shell.listen(shellPort, '127.0.0.1', resolve));
  const issuer = `http://localhost:${idpPort}`;
  provider = await startIdentityProvider({ port: idpPort, issuer, shellOrigin });
  client = shellClient(issuer, shellOrigin);
  axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser.close();
  await provider.close();
  shell.closeAllConnections();
  await new Promise<void>((resolve) => shell.close(() => resolve()));
});

/** Messages about refused content (CSP) and failed requests on a page. */
function watchForViolations(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(message.text());
  });
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
  page.on('request', (request) => {
    const origin = new URL(request.url()).origin;
    if (origin !== client.issuer && origin !== shellOrigin) problems.push(`external request: ${request.url()}`);
  });
  return problems;
}

interface AxeResult {
  violations: { id: string; nodes: unknown[] }[];
}

/** axe-core's violations on the page; evaluated through the DevTools protocol, which the page's CSP does not govern. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<AxeResult> } }).axe;
    const { violations } = await axe.run();
    return violations.map((v) => `${v.id} (${v.nodes.length})`);
  });
  return result;
}

function authorizeUrl(codeChallenge: string, uiLocales: string): string {
  const url = new URL('/auth', client.issuer);
  url.search = new URLSearchParams({
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    response_type: 'code',
    scope: 'openid profile offline_access',
    state: 'browser-test',
    code_challenge: codeChallenge,
    code_challenge_method: 'S256',
    ui_locales: uiLocales,
  }).toString();
  return url.href;
}

describe('sign-in and sign-out pages in Chromium', () => {
  it('are accessible, styled under their CSP, and the shell signs out without a click', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = watchForViolations(page);
    const codes = pkce();

    await page.goto(authorizeUrl(codes.challenge, 'sv'));
    await page.locator('input[name=username]').waitFor();
    assert.equal(await page.getAttribute('html', 'lang'), 'sv');
    assert.deepEqual(await axeViolations(page), [], 'sign-in page (sv)');
    // The style element ran: the CSP hash matches it.
    const buttonColour = await page.locator('button[type=submit]').evaluate((b) => getComputedStyle(b).backgroundColor);
    assert.equal(buttonColour, 'rgb(11, 79, 138)');

    await page.getByLabel('Användarnamn').fill('guardian');
    await page.getByLabel('Lösenord').fill('wrong');
    await page.locator('button[type=submit]').click();
    await page.getByRole('alert').waitFor();
    assert.match((await page.getByRole('alert').textContent()) ?? '', /Fel användarnamn eller lösenord/);
    assert.equal(await page.locator('input[name=username]').inputValue(), 'guardian');
    assert.deepEqual(await axeViolations(page), [], 'sign-in page with an error');

    await page.getByRole('link', { name: 'Suomi', exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'fi');
    assert.deepEqual(await axeViolations(page), [], 'sign-in page (fi)');

    await page.locator('input[name=username]').fill('guardian');
    await page.locator('input[name=password]').fill('sandbox');
    await page.locator('button[type=submit]').click();
    await page.waitForURL((url) => url.origin === shellOrigin && url.pathname === '/auth/callback');
    const code = new URL(page.url()).searchParams.get('code');
    assert.ok(code);
    const answer = await exchangeCode(client, code, codes.verifier);
    const idToken = answer.body.id_token;
    assert.equal(typeof idToken, 'string');

    const end = new URL('/session/end', client.issuer);
    end.search = new URLSearchParams({ id_token_hint: String(idToken), post_logout_redirect_uri: `${shellOrigin}/`, ui_locales: 'en' }).toString();
    await page.goto(end.href);
    // No click: the page submits itself and the browser lands back on the shell.
    await page.waitForURL((url) => url.origin === shellOrigin && url.pathname === '/');

    // Signed out at the provider: a new authorization shows the sign-in form again.
    await page.goto(authorizeUrl(pkce().challenge, 'en'));
    await page.locator('input[name=password]').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'sign-in page (en)');

    assert.deepEqual(violations, []);
    await context.close();
  });

  it('the sign-out confirmation, when shown, is accessible too', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const violations = watchForViolations(page);
    await page.goto(new URL('/session/end?ui_locales=fi', client.issuer).href);
    await page.locator('h1').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(violations, []);
    await context.close();
  });
});
