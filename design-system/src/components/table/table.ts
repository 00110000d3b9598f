import { defineElement } from '../../define.js';
import { D1Table } from './table.component.js';

defineElement('d1-table', D1Table);

export { D1Table };
