import { defineElement } from '../../define.js';
import { D1Alert } from './alert.component.js';

defineElement('d1-alert', D1Alert);

export { D1Alert };
