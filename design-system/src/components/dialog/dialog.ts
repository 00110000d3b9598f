import { defineElement } from '../../define.js';
import { D1Dialog } from './dialog.component.js';

defineElement('d1-dialog', D1Dialog);

export { D1Dialog };
