import { defineElement } from '../../define.js';
import { D1Button } from './button.component.js';

defineElement('d1-button', D1Button);

export { D1Button };
