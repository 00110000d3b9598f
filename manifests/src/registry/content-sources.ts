/**
 * What the shell's page may load, derived from the tenants' approvals: the origins a Content Security Policy must
 * allow and the integrity of every pinned widget file. The shell's host turns it into the page's CSP header and an
 * import map with `integrity`, so that the browser itself refuses code nobody approved and bytes nobody hashed.
 */
import semver from 'semver';
import type { TenantPolicy, WidgetManifest } from '../types.ts';

/** The answer of `GET /v1/content-sources`; sorted, so that equal approvals give equal bytes. */
export interface ContentSources {
  /** Origins of approved in-page (`module`) widgets: their code runs in the shell's page and may call home. */
  script: string[];
  /** Origins of approved `iframe` widgets. */
  frame: string[];
  /** Origins of icons and tenant logos. */
  img: string[];
  /** Absolute URL → `sha384-…` for every approved module widget file that is pinned by its manifest. */
  integrity: Record<string, string>;
  /** Which of those URLs are entries (the shell pins its retry URLs of an entry too). */
  entries: string[];
}

const RANK = { link: 0, iframe: 1, module: 2 } as const;
type Level = keyof typeof RANK;

/** How far into the page a tenant lets the widget run: the lower of its kind and the approved level. */
function effectiveLevel(widget: WidgetManifest, policy: TenantPolicy): Level | undefined {
  const approval = policy.widgets[widget.id];
  if (!approval || !semver.satisfies(widget.version, approval.versions)) return undefined;
  return RANK[widget.kind] <= RANK[approval.integration] ? widget.kind : approval.integration;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
  } catch {
    return undefined;
  }
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * Every tenant's approvals together: the shell's page is the same for every tenant until someone signs in, so it
 * must allow what any tenant approved. A widget only linked to (a `link` tile, or a widget approved only as a
 * link) adds nothing: opening it is a navigation, which the page's CSP does not govern.
 */
export function contentSources(widgets: readonly WidgetManifest[], policies: readonly TenantPolicy[]): ContentSources {
  const script = new Set<string>();
  const frame = new Set<string>();
  const img = new Set<string>();
  const integrity = new Map<string, string>();
  const entries = new Set<string>();
  for (const policy of policies) {
    if (policy.theme.logo) {
      const origin = originOf(policy.theme.logo);
      if (origin) img.add(origin);
    }
    for (const widget of widgets) {
      const level = effectiveLevel(widget, policy);
      if (level === undefined) continue;
      const origin = originOf(widget.entry);
      if (!origin) continue;
      if (widget.icon) {
        const iconOrigin = originOf(widget.icon);
        if (iconOrigin) img.add(iconOrigin);
      }
      if (level === 'iframe') frame.add(origin);
      if (level !== 'module') continue;
      script.add(origin);
      if (widget.integrity) {
        integrity.set(widget.entry, widget.integrity);
        entries.add(widget.entry);
      }
      for (const [path, hash] of Object.entries(widget.chunks ?? {})) {
        if (hash) integrity.set(new URL(path, widget.entry).href, hash);
      }
    }
  }
  return {
    script: sorted(script),
    frame: sorted(frame),
    img: sorted(img),
    integrity: Object.fromEntries([...integrity].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    entries: sorted(entries),
  };
}
