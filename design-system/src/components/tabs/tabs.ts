import { defineElement } from '../../define.js';
import { D1TabPanel } from './tab-panel.component.js';
import { D1Tabs } from './tabs.component.js';

defineElement('d1-tabs', D1Tabs);
defineElement('d1-tab-panel', D1TabPanel);

export { D1TabPanel, D1Tabs };
