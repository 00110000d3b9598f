import { D1Button, D1Card, D1Grid } from '@digione/design-system';
import '@digione/design-system/tokens.css';
import './shell.css';
import { registerApplication, start, addErrorHandler, getAppStatus } from 'single-spa';
import { completeSignIn, isCallback, userManager } from './auth/session.js';
import { initLocale } from './locale/locale.js';
import { ShellApp } from './layout/app.js';

async function boot(): Promise<void> {
  // Module federation turns a bare side-effect import of a shared package into nothing; naming the classes makes
  // the shared scope load the design system (which defines its tags) before the shell renders any of them.
  for (const element of [D1Button, D1Card, D1Grid]) {
    if (typeof element !== 'function') throw new Error('shell.design-system: the design system did not load');
  }
  await initLocale();
  const header = document.getElementById('header');
  const main = document.getElementById('main');
  if (!header || !main) throw new Error('shell.markup: index.html must have #header and #main');
  const app = new ShellApp(header, main);

  if (isCallback()) {
    try {
      await completeSignIn();
    } catch (error) {
      console.error('[digione] sign-in callback failed:', error);
      // A replayed or stale callback while a session exists (back button, reloaded URL): carry on with it.
      if (!(await userManager.getUser())) {
        app.signInFailed(error);
        return;
      }
    }
  }

  addErrorHandler((error) => {
    console.error(`[digione] application ${error.appOrParcelName} failed (${getAppStatus(error.appOrParcelName) ?? 'parcel'}):`, error);
  });
  registerApplication({
    name: '@digione/dashboard',
    app: async () => ({
      bootstrap: async () => undefined,
      mount: () => app.mount(),
      unmount: () => app.unmount(),
    }),
    activeWhen: () => true,
  });
  start({ urlRerouteOnly: true });
}

void boot();
