/**
 * The preview page, /preview ("Preview as", docs/decisions/0008-preview-as.md): the real shell, framed by the admin
 * area of the same origin, showing a role's DRAFT dashboard as one of the tenant's preview personas sees it.
 *
 * The page never reads or writes the admin's session. It asks its parent (which must be this same origin) for the
 * preview over a MessageChannel: the preview token, the admin's DPoP key it is bound to, and who is previewed. The
 * token stays in memory (auth/session.ts usePreviewSession), never in the URL or any storage, and lasts five minutes.
 * Loaded only on /preview (tests/size/shell-js.ts LAZY).
 */
import type { Locale } from '@digione/sdk';
import { usePreviewSession, type SessionUser } from '../auth/session.js';
import { currentLocale, onLocaleChange } from '../locale/locale.js';
import type { PreviewGrant, PreviewMessage } from './preview-protocol.js';

const PREVIEW_MESSAGE: PreviewMessage = 'digione-preview-request';

/** Shown when no preview was handed over (the page opened by itself, or the admin's page went away). */
const NO_PREVIEW: Record<Locale, string> = {
  fi: 'Esikatselua ei ole. Avaa esikatselu ylläpidon Työpöydät-osiosta.',
  sv: 'Ingen förhandsgranskning. Öppna förhandsgranskningen i administrationens avsnitt Startsidor.',
  en: 'There is no preview. Open a preview from the admin area\'s Dashboards section.',
};

const BANNER: Record<Locale, (name: string) => string> = {
  fi: (name) => `Esikatselu käyttäjänä ${name} – ei julkaistu`,
  sv: (name) => `Förhandsgranskning som ${name} – inte publicerad`,
  en: (name) => `Preview as ${name} — not published`,
};

/** How long to wait for the parent's answer before giving up. */
const GRANT_TIMEOUT_MS = 10_000;

/** Asks the parent window for the preview; undefined when there is no same-origin parent or it does not answer. */
function requestGrant(): Promise<PreviewGrant | undefined> {
  if (window.parent === window) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => {
      channel.port1.close();
      resolve(undefined);
    }, GRANT_TIMEOUT_MS);
    channel.port1.onmessage = (event: MessageEvent<PreviewGrant>) => {
      clearTimeout(timer);
      channel.port1.close();
      resolve(event.data);
    };
    // Only a parent of this very origin receives the request (and so the port the answer comes back on).
    window.parent.postMessage({ type: PREVIEW_MESSAGE, search: location.search }, location.origin, [channel.port2]);
  });
}

/**
 * Installs the preview session and the banner, then `load`s the dashboard as the shell always does. When no preview
 * was handed over (opened outside the admin area, or the admin's page went away), `main` says so and nothing loads.
 */
export async function startPreview(main: HTMLElement, load: () => Promise<void>): Promise<void> {
  const grant = await requestGrant();
  if (!grant) {
    const problem = document.createElement('p');
    problem.setAttribute('role', 'alert');
    problem.className = 'notice';
    problem.dataset['preview'] = 'none';
    problem.textContent = NO_PREVIEW[currentLocale()];
    main.replaceChildren(problem);
    return;
  }
  const now = Math.floor(Date.now() / 1000);
  const user = {
    access_token: grant.token,
    expires_in: grant.expiresIn,
    expired: false,
    profile: { sub: grant.persona, iss: '', aud: '', exp: now + grant.expiresIn, iat: now },
  } as SessionUser;
  usePreviewSession({ user, keys: grant.keys });

  const banner = document.createElement('p');
  banner.setAttribute('role', 'status');
  banner.className = 'notice preview-banner';
  banner.dataset['previewBanner'] = grant.persona;
  const label = (): void => {
    banner.textContent = BANNER[currentLocale()](grant.name);
  };
  label();
  onLocaleChange(label);
  document.body.prepend(banner);
  await load();
}
