import { defineElement } from '../../define.js';
import { D1Link } from './link.component.js';

defineElement('d1-link', D1Link);

export { D1Link };
