import { defineElement } from '../../define.js';
import { D1IconButton } from './icon-button.component.js';

defineElement('d1-icon-button', D1IconButton);

export { D1IconButton };
