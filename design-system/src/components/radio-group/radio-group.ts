import { defineElement } from '../../define.js';
import { D1RadioGroup } from './radio-group.component.js';

defineElement('d1-radio-group', D1RadioGroup);

export { D1RadioGroup };
