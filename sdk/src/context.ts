import type { Role } from './identity.js';
import type { Locale } from './locale.js';

/** The person a widget works for, as much as a widget needs to know. */
export interface WidgetUser {
  /** Subject identifier; stable per person. */
  readonly id: string;
  readonly displayName: string;
  /** The role whose dashboard is showing. */
  readonly activeRole: Role;
  /** Every role the person holds in this tenant. */
  readonly roles: readonly Role[];
  /** The pupil's own national learner number, for pupils. */
  readonly learnerOid?: string;
  /** For a guardian: the child they currently act for. */
  readonly actingFor?: { readonly learnerOid: string; readonly name: string };
}

/** Query parameters of a platform API call; `undefined` values are left out. */
export type Query = Readonly<Record<string, string | number | boolean | undefined>>;

/** The platform API as a widget sees it: the platform attaches credentials, the widget never sees a token. */
export interface PlatformApi {
  /**
   * GETs a platform API path (such as `/v1/schedule`) and resolves with the JSON answer.
   * Rejects with a {@link PlatformApiError} when the platform answers with an error.
   */
  get<T>(path: string, query?: Query): Promise<T>;
}

/** A platform API error, carrying the RFC 9457 problem document the server sent. */
export class PlatformApiError extends Error {
  /** HTTP status, or 0 when the platform could not be reached. */
  readonly status: number;
  /** Problem type URI, when the server sent one. */
  readonly type: string | undefined;
  constructor(status: number, message: string, type?: string) {
    super(message);
    this.name = 'PlatformApiError';
    this.status = status;
    this.type = type;
  }
}

/** Everything a widget gets from the platform. Widgets reach platform services only through this object. */
export interface WidgetContext {
  /** Which widget and which placement of it on the dashboard this is. */
  readonly widget: { readonly id: string; readonly instanceId: string; readonly version: string };
  readonly user: WidgetUser;
  readonly tenant: { readonly id: string; readonly name: string };
  /** The active locale; read it again after a change. */
  readonly locale: Locale;
  /** Calls `listener` whenever the user switches language; returns the function that stops it. */
  onLocaleChange(listener: (locale: Locale) => void): () => void;
  readonly api: PlatformApi;
  /** This instance's configuration, as the tenant's dashboard sets it. */
  readonly config: Readonly<Record<string, unknown>>;
}
