import { defineElement } from '../../define.js';
import { D1MenuItem } from './menu-item.component.js';
import { D1Menu } from './menu.component.js';

defineElement('d1-menu', D1Menu);
defineElement('d1-menu-item', D1MenuItem);

export { D1Menu, D1MenuItem };
