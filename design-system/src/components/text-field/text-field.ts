import { defineElement } from '../../define.js';
import { D1TextField } from './text-field.component.js';

defineElement('d1-text-field', D1TextField);

export { D1TextField };
