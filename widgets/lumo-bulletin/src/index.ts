import { defineWidget } from '@digione/sdk';
import { LumoBulletin } from './bulletin.component.js';

export default defineWidget({ tag: 'lumo-bulletin', element: LumoBulletin });
