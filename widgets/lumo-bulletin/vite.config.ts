import { widgetConfig } from '../widget-build.ts';

export default widgetConfig({ federationName: 'lumo_bulletin', origin: 'http://localhost:4202', path: '/bulletin/' });
