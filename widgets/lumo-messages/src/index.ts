import { defineWidget } from '@digione/sdk';
import { LumoInbox } from './inbox.component.js';

export default defineWidget({ tag: 'lumo-inbox', element: LumoInbox });
