import { widgetConfig } from '../widget-build.ts';

export default widgetConfig({ federationName: 'kajo_schedule', origin: 'http://localhost:4201', path: '/schedule/' });
