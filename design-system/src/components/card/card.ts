import '../button/button.js';
import { defineElement } from '../../define.js';
import { D1Card } from './card.component.js';

defineElement('d1-card', D1Card);

export { D1Card };
