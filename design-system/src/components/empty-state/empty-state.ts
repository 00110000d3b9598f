import { defineElement } from '../../define.js';
import { D1EmptyState } from './empty-state.component.js';

defineElement('d1-empty-state', D1EmptyState);

export { D1EmptyState };
