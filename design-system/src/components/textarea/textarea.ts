import { defineElement } from '../../define.js';
import { D1Textarea } from './textarea.component.js';

defineElement('d1-textarea', D1Textarea);

export { D1Textarea };
