import { widgetConfig } from '../widget-build.ts';

export default widgetConfig({ federationName: 'lumo_messages', origin: 'http://localhost:4202', path: '/messages/' });
