import { defineElement } from '../../define.js';
import { D1Checkbox } from './checkbox.component.js';

defineElement('d1-checkbox', D1Checkbox);

export { D1Checkbox };
