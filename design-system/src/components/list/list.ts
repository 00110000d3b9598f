import { defineElement } from '../../define.js';
import { D1List, D1ListItem } from './list.component.js';

defineElement('d1-list', D1List);
defineElement('d1-list-item', D1ListItem);

export { D1List, D1ListItem };
