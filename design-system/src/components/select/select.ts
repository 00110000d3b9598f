import { defineElement } from '../../define.js';
import { D1Select } from './select.component.js';

defineElement('d1-select', D1Select);

export { D1Select };
