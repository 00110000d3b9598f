import { defineElement } from '../../define.js';
import { D1Badge } from './badge.component.js';

defineElement('d1-badge', D1Badge);

export { D1Badge };
