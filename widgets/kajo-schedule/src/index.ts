import { defineWidget } from '@digione/sdk';
import { KajoSchedule } from './schedule.component.js';

export default defineWidget({ tag: 'kajo-schedule', element: KajoSchedule });
