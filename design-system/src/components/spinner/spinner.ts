import { defineElement } from '../../define.js';
import { D1Spinner } from './spinner.component.js';

defineElement('d1-spinner', D1Spinner);

export { D1Spinner };
