import { defineElement } from '../../define.js';
import { D1Progress } from './progress.component.js';

defineElement('d1-progress', D1Progress);

export { D1Progress };
