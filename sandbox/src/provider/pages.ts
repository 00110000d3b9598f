import { createHash } from 'node:crypto';
import type { PersonaRecord } from '../data/people.ts';
import { PAGE_LOCALES, PAGE_TEXTS, type PageLocale } from './i18n.ts';

/** A rendered page and the Content-Security-Policy that lets exactly its own style and script run. */
export interface Page {
  html: string;
  csp: string;
}

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

// System fonts only: the pages request nothing from outside the provider. Colours keep a contrast of 7:1 or more.
const STYLE = `
:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.5;color:#1a1a1a;background:#f4f6f8}
body{margin:0}
.top{display:flex;flex-wrap:wrap;justify-content:space-between;align-items:center;gap:.5rem;padding:.75rem 1rem;background:#0b3d6b;color:#fff}
.product{margin:0;font-weight:700}
.langs{display:flex;gap:.75rem;list-style:none;margin:0;padding:0}
.langs a{color:#fff;text-underline-offset:.2em}
.langs a[aria-current]{font-weight:700;text-decoration:none}
main{max-width:34rem;margin:1.5rem auto;padding:1.5rem;background:#fff;border-radius:.5rem;box-shadow:0 1px 3px rgba(0,0,0,.2)}
h1{font-size:1.6rem;margin:0 0 .75rem}
h2{font-size:1.2rem;margin:2rem 0 .5rem}
.notice{margin:0 0 1rem;padding:.5rem .75rem;background:#fff4d6;border-left:.25rem solid #7a5400}
.error{margin:0 0 1rem;padding:.5rem .75rem;background:#fdecee;border-left:.25rem solid #a4000f;color:#8a000d;font-weight:600}
.field{margin:0 0 1rem}
label{display:block;font-weight:600;margin-bottom:.25rem}
input{box-sizing:border-box;width:100%;font:inherit;padding:.5rem .6rem;border:1px solid #595959;border-radius:.25rem;color:#1a1a1a;background:#fff}
input[aria-invalid=true]{border:2px solid #a4000f}
button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border:2px solid #0b4f8a;border-radius:.25rem;background:#0b4f8a;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#0b4f8a}
a{color:#0b4f8a}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #e0a800;outline-offset:2px}
.sources{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0 0 1rem;padding:0;border-bottom:2px solid #0b4f8a}
.sources a{display:block;padding:.5rem .75rem;text-decoration:none;border:2px solid transparent;border-bottom:0;border-radius:.25rem .25rem 0 0}
.sources a[aria-current]{background:#0b4f8a;color:#fff;font-weight:700}
.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;vertical-align:top;padding:.4rem .5rem;border-bottom:1px solid #c4c4c4}
code{font-size:1em;background:#eef1f4;padding:0 .2rem;border-radius:.2rem}
td,th{overflow-wrap:anywhere}
@media (max-width:30rem){main{margin:0;border-radius:0;padding:1rem}}
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
}

const STYLE_HASH = sha256(STYLE);

interface LayoutOptions {
  locale: PageLocale;
  title: string;
  body: string;
  /** Origins a form on the page may post to or be redirected to after posting (besides the page's own). */
  formTargets?: readonly string[];
  /** Language links; omitted on pages that cannot be reloaded with another language. */
  languageHref?: (locale: PageLocale) => string;
  script?: string;
}

function languageNav(locale: PageLocale, href: (locale: PageLocale) => string): string {
  const items = PAGE_LOCALES.map((l) => {
    const current = l === locale ? ' aria-current="true"' : '';
    return `<li><a href="${escapeHtml(href(l))}" lang="${l}" hreflang="${l}"${current}>${escapeHtml(PAGE_TEXTS[l].languageName)}</a></li>`;
  }).join('');
  return `<nav aria-label="${escapeHtml(PAGE_TEXTS[locale].languageNav)}"><ul class="langs">${items}</ul></nav>`;
}

function layout({ locale, title, body, formTargets = [], languageHref, script }: LayoutOptions): Page {
  const t = PAGE_TEXTS[locale];
  const nav = languageHref ? languageNav(locale, languageHref) : '';
  const scriptTag = script ? `<script>${script}</script>` : '';
  const html = `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><p class="product">${escapeHtml(t.product)}</p>${nav}</header>
<main>
${body}
</main>
${scriptTag}
</body>
</html>`;
  const csp = [
    "default-src 'none'",
    `style-src ${STYLE_HASH}`,
    script ? `script-src ${sha256(script)}` : "script-src 'none'",
    `form-action 'self' ${formTargets.join(' ')}`.trim(),
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return { html, csp };
}

/** Where a sandbox person signs in: MPASSid (pupils and staff) or Suomi.fi (guardians). */
export type SignInSource = PersonaRecord['idp'];
export const SIGN_IN_SOURCES: readonly SignInSource[] = ['mpassid', 'suomifi'];

/** What the sign-in page shows. */
export interface LoginPageOptions {
  locale: PageLocale;
  /** Where the form posts. */
  action: string;
  /** Where the cancel link goes. */
  abortHref: string;
  languageHref: (locale: PageLocale) => string;
  /** Origins the finished sign-in redirects to (the client's redirect URIs). */
  formTargets: readonly string[];
  personas: readonly PersonaRecord[];
  /** The identification service chosen; the page lists that service's test users. Default `mpassid`. */
  source?: SignInSource;
  /** The page with the other service chosen. */
  sourceHref?: (source: SignInSource) => string;
  username?: string;
  error?: 'wrongCredentials' | 'missingCredentials';
}

/**
 * The sign-in page: a choice of MPASSid or Suomi.fi (links, so exactly one form is on the page), one form with
 * username, password and a submit button, and the chosen service's test users.
 */
export function loginPage(o: LoginPageOptions): Page {
  const t = PAGE_TEXTS[o.locale];
  const source = o.source ?? 'mpassid';
  const sourceNames = { mpassid: t.sourceMpassid, suomifi: t.sourceSuomifi } as const;
  const sources = o.sourceHref
    ? `<nav aria-label="${escapeHtml(t.sourceNav)}"><ul class="sources">${SIGN_IN_SOURCES.map(
        (s) =>
          `<li><a href="${escapeHtml(o.sourceHref!(s))}" data-source="${s}"${s === source ? ' aria-current="page"' : ''}>${escapeHtml(sourceNames[s])}</a></li>`,
      ).join('')}</ul></nav>`
    : '';
  const error = o.error ? `<p id="login-error" class="error" role="alert">${escapeHtml(t[o.error])}</p>` : '';
  const invalid = o.error ? ' aria-invalid="true" aria-describedby="login-error"' : '';
  const username = o.username ?? '';
  const focusPassword = username !== '';
  const rows = o.personas
    .filter((p) => p.idp === source)
    .map(
      (p) => `<tr><td><code>${escapeHtml(p.username)}</code></td><td>${escapeHtml(p.description[o.locale])}</td><td>${p.idp === 'suomifi' ? 'Suomi.fi' : 'MPASSid'}</td></tr>`,
    )
    .join('\n');
  const body = `<h1>${escapeHtml(t.signInHeading)}</h1>
<p class="notice">${escapeHtml(t.sandboxNotice)}</p>
${sources}
<h2 id="source-heading">${escapeHtml(source === 'suomifi' ? t.sourceSuomifiHeading : t.sourceMpassidHeading)}</h2>
${error}
<form method="post" action="${escapeHtml(o.action)}" aria-labelledby="source-heading" data-source="${source}" novalidate>
<input type="hidden" name="lang" value="${o.locale}">
<input type="hidden" name="source" value="${source}">
<div class="field"><label for="username">${escapeHtml(t.username)}</label><input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required value="${escapeHtml(username)}"${invalid}${focusPassword ? '' : ' autofocus'}></div>
<div class="field"><label for="password">${escapeHtml(t.password)}</label><input id="password" name="password" type="password" autocomplete="current-password" required${invalid}${focusPassword ? ' autofocus' : ''}></div>
<div class="actions"><button type="submit">${escapeHtml(t.submit)}</button><a href="${escapeHtml(o.abortHref)}">${escapeHtml(t.cancel)}</a></div>
</form>
<section aria-labelledby="personas-heading">
<h2 id="personas-heading">${escapeHtml(t.personasHeading)}</h2>
<p>${escapeHtml(t.passwordHint)}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(t.columnUser)}</th><th scope="col">${escapeHtml(t.columnWho)}</th><th scope="col">${escapeHtml(t.columnSource)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
</section>`;
  return layout({ locale: o.locale, title: t.signInTitle, body, formTargets: o.formTargets, languageHref: o.languageHref });
}

// Submits the sign-out form by itself when the request named the client and where to return (id_token_hint and a
// registered post_logout_redirect_uri), so that "Sign out" in the shell is one click. A hash in the CSP allows it.
const AUTO_LOGOUT_SCRIPT = "document.getElementById('op.logoutForm').submit();";

/** What the RP-initiated logout page shows. */
export interface LogoutPageOptions {
  locale: PageLocale;
  /** oidc-provider's hidden form (`id="op.logoutForm"`, with its xsrf token). */
  form: string;
  /** Submit without asking: the request came from a known client with a registered return address. */
  auto: boolean;
  formTargets: readonly string[];
}

/** The sign-out page: asks, or (for the shell's own sign-out) submits itself. */
export function logoutPage(o: LogoutPageOptions): Page {
  const t = PAGE_TEXTS[o.locale];
  // The hidden input belongs to the provider's form through its form attribute, so a script submit also logs out.
  const auto = o.auto
    ? `<p>${escapeHtml(t.signOutAuto)}</p>
<input type="hidden" form="op.logoutForm" name="logout" value="yes">
<div class="actions"><button autofocus type="submit" form="op.logoutForm">${escapeHtml(t.signOutYes)}</button></div>`
    : `<p>${escapeHtml(t.signOutAsk)}</p>
<div class="actions"><button autofocus type="submit" form="op.logoutForm" name="logout" value="yes">${escapeHtml(t.signOutYes)}</button><button class="secondary" type="submit" form="op.logoutForm">${escapeHtml(t.signOutNo)}</button></div>`;
  const body = `<h1>${escapeHtml(t.signOutHeading)}</h1>
${o.form}
${auto}`;
  return layout({
    locale: o.locale,
    title: t.signOutTitle,
    body,
    formTargets: o.formTargets,
    ...(o.auto ? { script: AUTO_LOGOUT_SCRIPT } : {}),
  });
}

/** Shown after a sign-out that has no return address. */
export function signedOutPage(locale: PageLocale): Page {
  const t = PAGE_TEXTS[locale];
  return layout({ locale, title: t.signedOutTitle, body: `<h1>${escapeHtml(t.signedOutHeading)}</h1>\n<p>${escapeHtml(t.signedOutText)}</p>` });
}

/** An error page; `details` are the OAuth error and its description, shown verbatim for developers. */
export function errorPage(locale: PageLocale, details: Readonly<Record<string, string>>, expired = false): Page {
  const t = PAGE_TEXTS[locale];
  const list = Object.entries(details)
    .map(([k, v]) => `<dt><code>${escapeHtml(k)}</code></dt><dd>${escapeHtml(v)}</dd>`)
    .join('');
  const body = `<h1>${escapeHtml(t.errorHeading)}</h1>
<p>${escapeHtml(expired ? t.expiredText : t.errorText)}</p>
${list ? `<dl>${list}</dl>` : ''}`;
  return layout({ locale, title: t.errorTitle, body });
}
