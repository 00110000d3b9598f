import { defineElement } from '../../define.js';
import { D1Avatar } from './avatar.component.js';

defineElement('d1-avatar', D1Avatar);

export { D1Avatar };
