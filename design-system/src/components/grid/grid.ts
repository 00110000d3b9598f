import { defineElement } from '../../define.js';
import { D1Grid } from './grid.component.js';

defineElement('d1-grid', D1Grid);

export { D1Grid };
