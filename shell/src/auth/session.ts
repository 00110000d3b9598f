import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { config } from '../config.js';
import { currentLocale } from '../locale/locale.js';

const CALLBACK_PATH = '/auth/callback';
const SIGNED_OUT_FLAG = 'digione.signedOut';

/** The shell's single OpenID client. Tokens stay in this module and the platform API client; widgets never get them. */
export const userManager = new UserManager({
  authority: config.authority,
  client_id: config.clientId,
  redirect_uri: new URL(CALLBACK_PATH, location.origin).href,
  post_logout_redirect_uri: new URL('/', location.origin).href,
  response_type: 'code',
  scope: 'openid profile offline_access',
  loadUserInfo: true, // real MPASSid may deliver its claims only through userinfo
  automaticSilentRenew: true, // with offline_access this uses the refresh token, not a third-party-cookie iframe
  userStore: new WebStorageStateStore({ store: sessionStorage }),
});

/** Whether this page load is the provider sending the user back with a code. */
export function isCallback(): boolean {
  return location.pathname === CALLBACK_PATH;
}

/** Sends the user to the provider's sign-in page in the active language. */
export async function signIn(): Promise<void> {
  sessionStorage.removeItem(SIGNED_OUT_FLAG);
  await userManager.signinRedirect({ extraQueryParams: { ui_locales: currentLocale() } });
}

/** Finishes the code flow and returns the signed-in user; the URL is cleaned of the code. */
export async function completeSignIn(): Promise<User> {
  const user = await userManager.signinRedirectCallback();
  history.replaceState(null, '', '/');
  return user;
}

/** A signed-in user with an access token that has not expired, if there is one. */
export async function currentUser(): Promise<User | null> {
  const user = await userManager.getUser();
  if (!user) return null;
  if (!user.expired) return user;
  if (!user.refresh_token) return null;
  try {
    return await userManager.signinSilent();
  } catch {
    await userManager.removeUser();
    return null;
  }
}

/** The current access token, renewing it first when it has expired. */
export async function accessToken(): Promise<string> {
  const user = await currentUser();
  if (!user) throw new Error('auth.no-session: not signed in');
  return user.access_token;
}

/** Ends the session here and at the provider, and clears what the shell kept of it. */
export async function signOut(): Promise<void> {
  const user = await userManager.getUser();
  await userManager.removeUser();
  sessionStorage.setItem(SIGNED_OUT_FLAG, '1');
  await userManager.signoutRedirect({
    ...(user?.id_token ? { id_token_hint: user.id_token } : {}),
    extraQueryParams: { ui_locales: currentLocale() },
  });
}

/** True once after the provider sent the user back from signing out. */
export function justSignedOut(): boolean {
  const flag = sessionStorage.getItem(SIGNED_OUT_FLAG) === '1';
  sessionStorage.removeItem(SIGNED_OUT_FLAG);
  return flag;
}
