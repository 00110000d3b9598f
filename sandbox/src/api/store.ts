/**
 * What the sandbox API changes while it runs, in memory and per server: widget settings, absences reported or
 * marked, and xAPI statements. A restart starts again from the data set.
 */
import type { Dataset } from '../data/dataset.ts';
import type { Absence } from '../data/model.ts';
import type { PlatformComponents } from '../../../sdk/src/api-types.ts';

/** A stored widget failure (`POST /v1/events/widget-failures`). */
export type WidgetFailure = PlatformComponents['schemas']['WidgetFailure'];

/** A stored xAPI statement, with who it is about (for the access rules). */
export interface StoredStatement {
  learnerOid: string;
  stored: string;
  statement: Record<string, unknown>;
}

/** Home page of the accounts the platform gives clients (the `authority` of a statement names the client). */
export const CLIENT_HOME = 'https://digione.sandbox/clients';

export class ApiStore {
  /** Widget settings by `<user id>\n<widget id>`, as the JSON text the caller sent. */
  readonly widgetSettings = new Map<string, string>();
  /** Absences by id: the data set's, then the ones the API took. */
  readonly absences = new Map<string, Absence>();
  /** xAPI statements by id, in the order stored. */
  readonly statements = new Map<string, StoredStatement>();
  /** The event log of widget failures the shells reported, oldest first. */
  readonly widgetFailures: WidgetFailure[] = [];
  /** When each user last reported widget failures (ms since the epoch), for the per-user rate limit. */
  readonly failureReports = new Map<string, number[]>();
  private sequence = 0;

  constructor(data: Dataset, learnerHome: string) {
    for (const absence of data.absences) this.absences.set(absence.id, absence);
    for (const s of data.xapi) {
      this.statements.set(s.id, {
        learnerOid: s.actor.account.homePage === learnerHome ? s.actor.account.name : '',
        stored: s.timestamp,
        statement: {
          ...s,
          stored: s.timestamp,
          authority: { objectType: 'Agent', account: { homePage: CLIENT_HOME, name: 'sandbox-dataset' } },
          version: '1.0.3',
        },
      });
    }
  }

  /** A new id for something the API creates, unique in this server. */
  nextId(prefix: string): string {
    this.sequence += 1;
    return `${prefix}-${this.sequence}`;
  }
}
