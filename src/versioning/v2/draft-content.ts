/**
 * What an open draft holds, read from the platform's diff against the branch head (fact sheet v2 §1.4–§1.5: a draft's
 * row carries block refs only, so the diff is the one way to read its values). Pure: the diff in, the content out.
 */
import type { DiffResult } from '../../atoms/branch-types.js';
import { isRecord } from '../../atoms/wire.js';
import { normalizeConfig } from '../../config/normalize.js';
import type { PostCallAnalyticsConfig } from '../../config/types.js';

/** The keys of `postCallAnalyticsConfig`; a change to anything else in the analytics section is not a metrics change. */
const ANALYTICS_KEYS = new Set([
  'dispositionMetrics',
  'useInternalAnalyticsModel',
  'useReasoningModel',
  'summaryPrompt',
  'successMetrics',
]);
/** Wrappers a diff path may start with before the analytics keys (the metrics' place in a revision is undocumented, §1.9). */
const WRAPPERS = new Set(['analytics', 'postCallAnalyticsConfig']);

export type DraftAnalytics =
  | { state: 'unchanged' }
  | { state: 'changed'; config: PostCallAnalyticsConfig }
  /** The analytics section changed in a way that is not a metrics change, or that this version cannot read. */
  | { state: 'unreadable'; why: string };

export interface DraftContent {
  /** Sections other than analytics in which the draft differs from the head, with their changed paths. */
  otherSections: { section: string; paths: string[] }[];
  analytics: DraftAnalytics;
}

/** `dispositionMetrics[2].identifier` / `dispositionMetrics.2.identifier` → tokens; array indexes as numbers. */
function tokens(path: string): (string | number)[] {
  return path
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .filter((t) => t !== '')
    .map((t) => (/^\d+$/.test(t) ? Number(t) : t));
}

/** A diff path's tokens below the wrappers it may start with: `[]` for the whole analytics object in one entry. */
function metricsTokens(path: string): (string | number)[] {
  const rest = tokens(path);
  while (typeof rest[0] === 'string' && WRAPPERS.has(rest[0]) && !ANALYTICS_KEYS.has(rest[0])) rest.shift();
  return rest;
}

/** Whether a change in the analytics section is one of the metrics (or the whole object), not a field beside them. */
export function isMetricsPath(path: string): boolean {
  const rest = metricsTokens(path);
  return rest.length === 0 || (typeof rest[0] === 'string' && ANALYTICS_KEYS.has(rest[0]));
}

type Tree = Record<string, unknown> | unknown[];

function child(node: Tree, key: string | number): unknown {
  return Array.isArray(node)
    ? typeof key === 'number'
      ? node[key]
      : undefined
    : typeof key === 'string'
      ? node[key]
      : undefined;
}

/** Sets `value` at `path` below `root` (copying as it goes); false when the path does not fit the tree's shape. */
function setAt(root: Record<string, unknown>, path: (string | number)[], value: unknown): boolean {
  let node: Tree = root;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (key === undefined) return false;
    const last = i === path.length - 1;
    if (last) {
      if (Array.isArray(node)) {
        if (typeof key !== 'number') return false;
        node[key] = value;
      } else {
        if (typeof key !== 'string') return false;
        if (value === null || value === undefined) delete node[key];
        else node[key] = value;
      }
      return true;
    }
    const next = child(node, key);
    // A value where the path goes on below it: the path does not describe the analytics the head holds.
    if (next !== undefined && next !== null && typeof next !== 'object') return false;
    const nextKey = path[i + 1];
    const made: Tree = Array.isArray(next)
      ? [...next]
      : isRecord(next)
        ? { ...next }
        : typeof nextKey === 'number'
          ? []
          : {};
    if (Array.isArray(node)) {
      if (typeof key !== 'number') return false;
      node[key] = made;
    } else {
      if (typeof key !== 'string') return false;
      node[key] = made;
    }
    node = made;
  }
  return false;
}

/** A list a leaf-path diff shortened leaves holes (`null`) at the removed places: they are not metrics. */
function dropHoles(config: Record<string, unknown>): Record<string, unknown> {
  const metrics = config.dispositionMetrics;
  return Array.isArray(metrics)
    ? { ...config, dispositionMetrics: metrics.filter((m) => m !== null && m !== undefined) }
    : config;
}

/** The draft's analytics: the head's, with the diff's analytics changes laid over them. */
function analyticsOf(changes: { path: string; newValue: unknown }[], head: PostCallAnalyticsConfig): DraftAnalytics {
  if (changes.length === 0) return { state: 'unchanged' };
  let config: Record<string, unknown> = structuredClone({ ...head });
  for (const change of changes) {
    const path = metricsTokens(change.path);
    if (path.length === 0) {
      // The whole analytics object changed in one entry.
      if (!isRecord(change.newValue))
        return {
          state: 'unreadable',
          why: `the analytics section was replaced by ${JSON.stringify(change.newValue)?.slice(0, 80)}`,
        };
      const unknown = Object.keys(change.newValue).filter((k) => !ANALYTICS_KEYS.has(k));
      if (unknown.length > 0)
        return { state: 'unreadable', why: `the analytics section also changed ${unknown.join(', ')}` };
      config = structuredClone(change.newValue);
      continue;
    }
    const first = path[0];
    if (typeof first !== 'string' || !ANALYTICS_KEYS.has(first))
      return { state: 'unreadable', why: `the analytics section also changed ${change.path}` };
    if (!setAt(config, path, structuredClone(change.newValue)))
      return { state: 'unreadable', why: `the diff path ${change.path} does not fit the analytics the head holds` };
  }
  return { state: 'changed', config: normalizeConfig(dropHoles(config)) };
}

/** What the draft holds compared with the head whose metrics are `head`. */
export function draftContentFromDiff(diff: DiffResult, head: PostCallAnalyticsConfig): DraftContent {
  const analytics = diff.diffs.filter((d) => d.section === 'analytics').flatMap((d) => d.changes);
  const otherSections = diff.diffs
    .filter((d) => d.section !== 'analytics' && d.changes.length > 0)
    .map((d) => ({ section: d.section, paths: d.changes.map((c) => c.path) }));
  return { otherSections, analytics: analyticsOf(analytics, head) };
}
