import { defineWidget } from '@digione/sdk';
import { TanneCalendar } from './calendar.component.js';

/** The widget's lifecycles, exposed as `./widget` by the rspack module federation build. */
export default defineWidget({ tag: 'tanne-calendar', element: TanneCalendar });
