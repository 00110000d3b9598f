import { defineElement } from '../../define.js';
import { D1Toast } from './toast.component.js';

defineElement('d1-toast', D1Toast);

export { D1Toast };
