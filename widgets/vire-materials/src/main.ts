import '@digione/design-system';
import { adoptTokens } from '@digione/design-system';
import { connectToHost } from '@digione/sdk/bridge';
import { VireMaterials } from './materials.component.js';

customElements.define('vire-materials', VireMaterials);
adoptTokens();

/**
 * The page's start: connect to the DigiOne shell that framed it and hand the context to the element. A page opened
 * outside a shell says so instead of waiting for ever.
 */
const element = document.querySelector('vire-materials');
connectToHost()
  .then((context) => {
    if (element) element.context = context;
  })
  .catch((error: unknown) => {
    console.warn('vire.materials: not in a DigiOne shell', error);
    if (element) element.standalone = true;
  });
