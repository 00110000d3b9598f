// Only the design-system components the shell itself renders; the rest load when a widget asks for the package.
import '@digione/design-system/components/button/button.js';
import '@digione/design-system/components/card/card.js';
import '@digione/design-system/components/grid/grid.js';
import '@digione/design-system/components/link/link.js';
import '@digione/design-system/tokens.css';
import './shell.css';
import { registerApplication, start, addErrorHandler, getAppStatus } from 'single-spa';
import { completeSignIn, isCallback, storedUser } from './auth/session.js';
import { initLocale } from './locale/locale.js';
import { ShellApp } from './layout/app.js';
import { ownWidgetParcels } from './runtime/parcels.js';
import { startFederation } from './runtime/federation.js';

async function boot(): Promise<void> {
  startFederation();
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
      if (!(await storedUser())) {
        app.signInFailed(error);
        return;
      }
    }
  }

  addErrorHandler((error) => {
    console.error(`[digione] application ${error.appOrParcelName} failed (${getAppStatus(error.appOrParcelName) ?? 'parcel'}):`, error);
  });
  let releaseParcels: (() => void) | undefined;
  registerApplication({
    name: '@digione/dashboard',
    app: async () => ({
      bootstrap: async () => undefined,
      mount: (props) => {
        // Widget parcels belong to this application, so that single-spa forgets each one after its unmount.
        releaseParcels = ownWidgetParcels(props.mountParcel);
        return app.mount();
      },
      unmount: async () => {
        await app.unmount();
        releaseParcels?.();
      },
    }),
    activeWhen: () => true,
  });
  start({ urlRerouteOnly: true });
}

void boot();
