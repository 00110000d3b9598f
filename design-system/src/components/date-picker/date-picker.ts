import { defineElement } from '../../define.js';
import { D1DatePicker } from './date-picker.component.js';

defineElement('d1-date-picker', D1DatePicker);

export { D1DatePicker };
