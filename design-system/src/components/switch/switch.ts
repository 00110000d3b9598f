import { defineElement } from '../../define.js';
import { D1Switch } from './switch.component.js';

defineElement('d1-switch', D1Switch);

export { D1Switch };
