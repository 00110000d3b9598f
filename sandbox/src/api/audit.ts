import { appendFile } from 'node:fs/promises';

/** One read of personal data (or a refused attempt at one). */
export interface AuditEntry {
  /** ISO 8601 time of the request. */
  when: string;
  /** `sub` of the signed-in caller. */
  who: string;
  /** The learner OID when a guardian acts for a child. */
  actingFor?: string;
  /** Whose personal data was read or asked for (a learner OID), when not the caller's own and not `actingFor`. */
  subject?: string;
  /** What was read: the route and its query parameters as validated. */
  what: { route: string; params: Record<string, string> };
  /** The `X-DigiOne-Widget` header: which widget asked (absent when the shell itself did). */
  widget?: string;
  /** `sub` of the admin who made the request through "Preview as" (then `who` is the preview persona). */
  previewedBy?: string;
  /** `allowed` when data was returned, `denied` when the access rules refused. */
  outcome: 'allowed' | 'denied';
  /** HTTP status of the answer. */
  status: number;
}

/** The audit log: kept in memory and, when a path is given, appended to it as JSON lines in order. */
export class AuditLog {
  readonly entries: AuditEntry[] = [];
  private pending: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(private readonly path?: string) {}

  record(entry: AuditEntry): void {
    this.entries.push(entry);
    const { path } = this;
    if (path === undefined) return;
    const line = `${JSON.stringify(entry)}\n`;
    this.pending = this.pending
      .then(() => appendFile(path, line, { encoding: 'utf8', mode: 0o600 }))
      .catch((error: unknown) => {
        this.failure ??= error;
        console.error(`sandbox api: audit log ${path} could not be written:`, error);
      });
  }

  /** Resolves when every entry so far is on disk; rejects if any could not be written. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.failure !== undefined) throw this.failure;
  }
}
