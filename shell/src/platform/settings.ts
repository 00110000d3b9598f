import { CONTEXT_ERROR, WidgetContextError, type PlatformApi, type WidgetSettings } from '@digione/sdk';

/** The platform API's limit on one widget's settings, in bytes of JSON. */
export const MAX_SETTINGS_BYTES = 8 * 1024;

/**
 * A widget's per-user settings, stored by the platform API at `/v1/me/widget-settings/{widgetId}` through the
 * widget's own client (so the call carries its id in the audit log, like any other).
 */
export function createWidgetSettings(api: PlatformApi, widgetId: string): WidgetSettings {
  const params = { path: { widgetId } };
  return Object.freeze({
    async get<T extends Readonly<Record<string, unknown>>>(): Promise<Partial<T> | undefined> {
      const { data } = await api.GET('/v1/me/widget-settings/{widgetId}', { params, cache: 'no-cache' });
      return data && Object.keys(data).length > 0 ? (data as Partial<T>) : undefined;
    },
    async set(value: Readonly<Record<string, unknown>>): Promise<void> {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new WidgetContextError(CONTEXT_ERROR.invalidSettings, `widget ${widgetId}: settings must be a JSON object`);
      }
      let json: string;
      try {
        json = JSON.stringify(value);
      } catch (error) {
        throw new WidgetContextError(CONTEXT_ERROR.invalidSettings, `widget ${widgetId}: settings are not JSON (${String(error)})`);
      }
      if (new TextEncoder().encode(json).length > MAX_SETTINGS_BYTES) {
        throw new WidgetContextError(
          CONTEXT_ERROR.invalidSettings,
          `widget ${widgetId}: settings are over ${MAX_SETTINGS_BYTES} bytes of JSON; store less`,
        );
      }
      await api.PUT('/v1/me/widget-settings/{widgetId}', { params, body: JSON.parse(json) as Record<string, unknown> });
    },
  });
}
