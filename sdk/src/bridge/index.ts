/**
 * `@digione/sdk/bridge`: the widget's side of the bridge between the DigiOne shell and an `iframe` widget, and the
 * protocol both sides speak. An `iframe` widget calls {@link connectToHost} and gets the same `WidgetContext` a
 * `module` widget gets in the page.
 *
 * @packageDocumentation
 */
export { connectToHost, contextOverPort, HOST_ORIGIN_PARAM } from './connect.js';
export type { ConnectOptions, FramedWidgetContext } from './connect.js';
export {
  BRIDGE_PROTOCOL,
  BRIDGE_VERSION,
  BRIDGE_METHODS,
  BRIDGE_ERROR,
  BridgeError,
  MAX_MESSAGE_BYTES,
  FRAME_HEIGHT,
  envelope,
  jsonSize,
  checkWidgetMessage,
  checkHostMessage,
  checkHelloMessage,
  checkConnectMessage,
  isBridgeInit,
  toFailure,
  tabbableElements,
} from './protocol.js';
export type {
  TileSize,
  BridgeTheme,
  BridgeSize,
  BridgeInit,
  BridgeMethod,
  BridgeErrorCode,
  ApiMethod,
  ApiRequest,
  ApiAnswer,
  BridgeFailure,
  Envelope,
  HelloMessage,
  ConnectMessage,
  CallMessage,
  ResizeMessage,
  FocusExitMessage,
  KeyMessage,
  WidgetMessage,
  ResultMessage,
  LocaleMessage,
  ThemeMessage,
  SizeMessage,
  EventMessage,
  ByeMessage,
  HostMessage,
  Checked,
} from './protocol.js';
