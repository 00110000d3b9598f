import type { PlatformApi, Query } from '@digione/sdk';
import { config } from '../config.js';
import { getJson } from './http.js';

/**
 * The platform API client one widget instance gets. The token is attached here, out of the widget's reach, and
 * every call names the widget so that the audit log records which service read what.
 */
export function createPlatformApi(widgetId: string): PlatformApi {
  return {
    async get<T>(path: string, query: Query = {}): Promise<T> {
      if (!path.startsWith('/') || path.startsWith('//')) {
        throw new TypeError(`api.get: "${path}" is not a platform API path (it must start with one "/")`);
      }
      const url = new URL(path, config.apiUrl);
      for (const [key, value] of Object.entries(query)) {
        if (value !== undefined) url.searchParams.set(key, String(value));
      }
      return getJson<T>({ url, headers: { 'X-DigiOne-Widget': widgetId } });
    },
  };
}
