import { PlatformApiError, type Role } from '@digione/sdk';

/** RFC 8693 token exchange: the grant, and the type of the tokens traded both ways. */
const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
/** The resource (and audience) of the platform API. */
export const PLATFORM_RESOURCE = 'urn:digione:platform';
/** Renew a widget's token at most this long before it expires. */
const MAX_RENEW_LEAD_MS = 30_000;
/** How long a token exchange may take before the widget's call fails (as the shell's own token requests: 10 s). */
const TOKEN_REQUEST_TIMEOUT_MS = 10_000;

/** The place of one widget on the dashboard shown: which widget, with which approved scopes, for whom. */
export interface WidgetTokenRequest {
  /** The widget's manifest id. */
  widget: string;
  /** The scopes the resolved dashboard's manifest carries (already cut to what the tenant grants). */
  scopes: readonly string[];
  tenant: string;
  role: Role;
  /** The child a guardian acts for. */
  child?: string;
}

/** What the exchange needs; tests pass their own. */
export interface WidgetTokenSource {
  /** The shell's own access token, the RFC 8693 subject token. */
  subjectToken(): Promise<string>;
  /** The provider's token endpoint. */
  tokenEndpoint(): Promise<string>;
  clientId: string;
  /** A DPoP proof (RFC 9449) for a request to the token endpoint, or undefined when the session has no key. */
  proof?: (method: string, url: string) => Promise<string | undefined>;
  fetch?: (request: Request) => Promise<Response>;
  /** The clock, in ms since the epoch. */
  now?: () => number;
}

interface Issued {
  token: string;
  /** When to stop using it (ms since the epoch): shortly before it expires. */
  renewAt: number;
}

const keyOf = (request: WidgetTokenRequest): string =>
  JSON.stringify([request.widget, request.tenant, request.role, request.child ?? '', [...request.scopes].sort()]);
const dashboardOf = (request: WidgetTokenRequest): string => JSON.stringify([request.tenant, request.role, request.child ?? '']);

/**
 * The tokens widgets' API calls carry: one per (widget, tenant, role, child), obtained from the provider by token
 * exchange with the shell's own token, limited to the widget's approved scopes, and bound like it to the session's
 * DPoP key. Each is reused until shortly before
 * it expires and renewed on the next call; simultaneous calls share one exchange. Tokens of another dashboard are
 * dropped when a role or child switch asks for the new one, and all of them when the session ends or is renewed
 * (its claims may have changed). The tokens live in this object's private fields and the API clients' closures
 * only: nothing a widget holds reaches them.
 */
export class WidgetTokens {
  readonly #source: WidgetTokenSource;
  readonly #issued = new Map<string, Promise<Issued>>();
  #dashboard: string | undefined;
  #generation = 0;

  constructor(source: WidgetTokenSource) {
    this.#source = source;
  }

  /** How many tokens (or exchanges under way) are kept. */
  get size(): number {
    return this.#issued.size;
  }

  /** Drops every token, e.g. at sign-out; exchanges under way finish but are not kept. */
  clear(): void {
    this.#issued.clear();
    this.#dashboard = undefined;
    this.#generation += 1;
  }

  /** The widget's token for this place, exchanging for a new one when there is none or it is about to expire. */
  async token(request: WidgetTokenRequest): Promise<string> {
    const dashboard = dashboardOf(request);
    if (this.#dashboard !== dashboard) {
      this.clear();
      this.#dashboard = dashboard;
    }
    const key = keyOf(request);
    const now = this.#source.now ?? Date.now;
    // A kept token, or the exchange under way for it (whose failure every caller waiting on it shares).
    for (let kept = this.#issued.get(key); kept; kept = this.#issued.get(key)) {
      const issued = await kept;
      if (issued.renewAt > now()) return issued.token;
      if (this.#issued.get(key) === kept) this.#issued.delete(key);
    }
    const generation = this.#generation;
    const pending = this.#exchange(request);
    this.#issued.set(key, pending);
    try {
      return (await pending).token;
    } catch (error) {
      if (this.#issued.get(key) === pending) this.#issued.delete(key);
      throw error;
    } finally {
      // Cleared meanwhile (sign-out, another dashboard): this token was for a page that is gone.
      if (generation !== this.#generation && this.#issued.get(key) === pending) this.#issued.delete(key);
    }
  }

  async #exchange(request: WidgetTokenRequest): Promise<Issued> {
    const source = this.#source;
    const now = source.now ?? Date.now;
    const send = source.fetch ?? ((r: Request) => fetch(r));
    const body = new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      client_id: source.clientId,
      subject_token: await source.subjectToken(),
      subject_token_type: ACCESS_TOKEN_TYPE,
      requested_token_type: ACCESS_TOKEN_TYPE,
      resource: PLATFORM_RESOURCE,
      scope: request.scopes.join(' '),
      digione_widget: request.widget,
      digione_tenant: request.tenant,
      digione_role: request.role,
      ...(request.child === undefined ? {} : { digione_learner: request.child }),
    });
    const endpoint = await source.tokenEndpoint();
    const proof = await source.proof?.('POST', endpoint);
    const started = now();
    let response: Response;
    try {
      // A provider that accepts the connection and never answers must not leave the widget loading for ever.
      const signal = AbortSignal.timeout(TOKEN_REQUEST_TIMEOUT_MS);
      const headers: Record<string, string> = { Accept: 'application/json', ...(proof === undefined ? {} : { DPoP: proof }) };
      response = await send(new Request(endpoint, { method: 'POST', body, headers, signal }));
    } catch {
      throw new PlatformApiError(0, `${new URL(endpoint).origin} could not be reached for the token of ${request.widget}`);
    }
    const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof answer.access_token !== 'string') {
      // The provider's refusal, without anything of the request: invalid_target when the tenant withdrew the widget.
      const reason = typeof answer.error === 'string' ? answer.error : `HTTP ${response.status}`;
      const description = typeof answer.error_description === 'string' ? `: ${answer.error_description}` : '';
      throw new PlatformApiError(
        response.status >= 500 ? 503 : 403,
        `widget ${request.widget} gets no token for the platform API (${reason}${description})`,
      );
    }
    const lifetimeMs = (typeof answer.expires_in === 'number' ? answer.expires_in : 60) * 1000;
    return { token: answer.access_token, renewAt: started + lifetimeMs - Math.min(MAX_RENEW_LEAD_MS, lifetimeMs / 4) };
  }
}
