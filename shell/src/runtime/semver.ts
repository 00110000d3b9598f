/**
 * npm's semver range matching (`semver.satisfies(version, range)` with default options), in the shell's own few
 * hundred bytes instead of the `semver` package's ~9 kB gzipped: the shell needs it for one check before any widget
 * loads. It understands every range the widget manifest's `semverRange` allows and the npm forms around it
 * (`^`, `~`, `~>`, `<`, `<=`, `>`, `>=`, `=`, x-ranges and partial versions, `A - B`, `||`, prerelease tags), and
 * a browser test compares it with `semver` itself over thousands of pairs.
 */

type Version = [major: number, minor: number, patch: number, prerelease: string[]];
type Comparator = { op: '<' | '<=' | '>' | '>=' | '='; version: Version } | 'any' | 'none';

const NUM = '0|[1-9]\\d*';
const PRE = '(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][a-zA-Z0-9-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][a-zA-Z0-9-]*))*))?';
const BUILD = '(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?';
const FULL = new RegExp(`^v?(${NUM})\\.(${NUM})\\.(${NUM})${PRE}${BUILD}$`);
const XID = `${NUM}|x|X|\\*`;
const PARTIAL = `[v=\\s]*(${XID})(?:\\.(${XID})(?:\\.(${XID})${PRE}${BUILD})?)?`;
const HYPHEN = new RegExp(`^\\s*${PARTIAL}\\s+-\\s+${PARTIAL}\\s*$`);
const PRIMITIVE = new RegExp(`^(~>?|\\^|[<>]=?|=)?${PARTIAL}$`);

/** A version as npm semver parses it, or undefined when it is not one. */
function parse(text: string): Version | undefined {
  const m = FULL.exec(text.trim());
  if (!m) return undefined;
  const numbers = [m[1], m[2], m[3]].map(Number);
  if (numbers.some((n) => n > Number.MAX_SAFE_INTEGER)) return undefined;
  return [numbers[0]!, numbers[1]!, numbers[2]!, m[4] ? m[4].split('.') : []];
}

function compareIdentifiers(a: string, b: string): number {
  const numericA = /^\d+$/.test(a);
  const numericB = /^\d+$/.test(b);
  if (numericA && numericB) return Math.sign(Number(a) - Number(b));
  if (numericA !== numericB) return numericA ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number) ? -1 : 1;
  const [pa, pb] = [a[3], b[3]];
  if (pa.length === 0 || pb.length === 0) return pa.length === pb.length ? 0 : pa.length === 0 ? 1 : -1;
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    const order = compareIdentifiers(pa[i]!, pb[i]!);
    if (order !== 0) return order;
  }
  return 0;
}

const isX = (part: string | undefined) => part === undefined || part === 'x' || part === 'X' || part === '*';
const v = (major: number, minor: number, patch: number, prerelease: string[] = []): Version => [major, minor, patch, prerelease];
/** The lowest version of the next major/minor/patch: `<2.0.0-0` excludes 2.0.0's prereleases too. */
const below = (major: number, minor: number, patch: number): Comparator => ({ op: '<', version: v(major, minor, patch, ['0']) });

/** One range primitive (`^1.2`, `>=1.0.0`, `1.x`, `~0.2.3-beta`) as the comparators npm semver desugars it to. */
function primitive(text: string): Comparator[] | undefined {
  const m = PRIMITIVE.exec(text);
  if (!m) return undefined;
  const op = m[1] ?? '';
  const [M, mi, p, pre] = [m[2], m[3], m[4], m[5]];
  const major = Number(M);
  const minor = Number(mi);
  const patch = Number(p);
  const prerelease = pre ? pre.split('.') : [];
  if (op === '^' || op === '~' || op === '~>') {
    if (isX(M)) return ['any'];
    if (isX(mi)) return [{ op: '>=', version: v(major, 0, 0) }, below(major + 1, 0, 0)];
    if (op !== '^') {
      const from = isX(p) ? v(major, minor, 0) : v(major, minor, patch, prerelease);
      return [{ op: '>=', version: from }, below(major, minor + 1, 0)];
    }
    const from = isX(p) ? v(major, minor, 0) : v(major, minor, patch, prerelease);
    if (major > 0) return [{ op: '>=', version: from }, below(major + 1, 0, 0)];
    if (minor > 0 || isX(p)) return [{ op: '>=', version: from }, below(major, minor + 1, 0)];
    return [{ op: '>=', version: from }, below(major, minor, patch + 1)];
  }
  const anyX = isX(M) || isX(mi) || isX(p);
  const gtlt = op === '=' && anyX ? '' : op;
  if (isX(M)) return gtlt === '<' || gtlt === '>' ? ['none'] : ['any'];
  if (!anyX) {
    // A plain comparator is `op`, then `v?` and the version (the `=` and spaces x-ranges allow are not).
    if (!/^v?\d/.test(text.slice(op.length))) return undefined;
    return [{ op: (gtlt || '=') as '=', version: v(major, minor, patch, prerelease) }];
  }
  if (gtlt === '') {
    return isX(mi)
      ? [{ op: '>=', version: v(major, 0, 0) }, below(major + 1, 0, 0)]
      : [{ op: '>=', version: v(major, minor, 0) }, below(major, minor + 1, 0)];
  }
  const m0 = isX(mi) ? 0 : minor;
  if (gtlt === '>') return [{ op: '>=', version: isX(mi) ? v(major + 1, 0, 0) : v(major, minor + 1, 0) }];
  if (gtlt === '<=') return [below(...((isX(mi) ? [major + 1, 0, 0] : [major, minor + 1, 0]) as [number, number, number]))];
  if (gtlt === '<') return [below(major, m0, 0)];
  return [{ op: '>=', version: v(major, m0, 0) }];
}

/** `A - B`, with partial ends widened as npm does: `1.2 - 2.3` is `>=1.2.0 <2.4.0-0`. */
function hyphen(m: RegExpExecArray): Comparator[] {
  const [fM, fm, fp, fpre, tM, tm, tp, tpre] = m.slice(1);
  const out: Comparator[] = [];
  if (!isX(fM)) {
    const from = isX(fm) ? v(Number(fM), 0, 0) : isX(fp) ? v(Number(fM), Number(fm), 0) : v(Number(fM), Number(fm), Number(fp), fpre ? fpre.split('.') : []);
    out.push({ op: '>=', version: from });
  }
  if (!isX(tM)) {
    if (isX(tm)) out.push(below(Number(tM) + 1, 0, 0));
    else if (isX(tp)) out.push(below(Number(tM), Number(tm) + 1, 0));
    else out.push({ op: '<=', version: v(Number(tM), Number(tm), Number(tp), tpre ? tpre.split('.') : []) });
  }
  return out.length > 0 ? out : ['any'];
}

/** One `||` alternative as comparators, or undefined when it is not a valid range. */
function comparatorSet(text: string): Comparator[] | undefined {
  const h = HYPHEN.exec(text);
  if (h) return hyphen(h);
  // npm allows space after an operator (`>= 1.2.3`, `^ 1.2`): join it to its version first.
  const parts = text.trim().replace(/(~>?|\^|[<>]=?|=)\s+/g, '$1').split(/\s+/).filter(Boolean);
  if (parts.length === 0) return ['any'];
  const comparators: Comparator[] = [];
  for (const part of parts) {
    const desugared = primitive(part);
    if (!desugared) return undefined;
    comparators.push(...desugared);
  }
  return comparators;
}

function test(comparator: Comparator, version: Version): boolean {
  if (comparator === 'any') return true;
  if (comparator === 'none') return false;
  const order = compare(version, comparator.version);
  switch (comparator.op) {
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '=':
      return order === 0;
  }
}

/**
 * Whether `version` satisfies the npm semver `range`, exactly as `semver.satisfies(version, range)` answers: a
 * prerelease only matches a comparator set that names a prerelease of the same major.minor.patch, and an invalid
 * version or range satisfies nothing.
 */
export function satisfies(version: string, range: string): boolean {
  const parsed = parse(version);
  if (!parsed) return false;
  const sets: Comparator[][] = [];
  for (const alternative of range.trim().split(/\s*\|\|\s*/)) {
    const set = comparatorSet(alternative);
    if (!set) return false;
    sets.push(set);
  }
  return sets.some((set) => {
    if (!set.every((comparator) => test(comparator, parsed))) return false;
    if (parsed[3].length === 0) return true;
    return set.some(
      (c) => typeof c === 'object' && c.version[3].length > 0 && c.version.slice(0, 3).every((n, i) => n === parsed[i]),
    );
  });
}
