/**
 * Reads an agent's recent call logs, bounded: the default sort (most recently updated first — `sortBy=createdAt` and
 * date filters are not index-backed and can answer 504 on large accounts, fact sheet v2 §5), filtered by `agentIds`,
 * stopping once a page reaches past the window, after enough calls, or after `maxPages`.
 */
import type { CallLog, ConversationApi } from '../atoms/conversation-types.js';
import { MAX_PAGE_SIZE } from '../atoms/conversation-client.js';
import type { InsightsWindow } from './types.js';

const DAY_MS = 86_400_000;
export const DEFAULT_MAX_PAGES = 3;

export interface ReadCallsOptions {
  agentId: string;
  liveVersionId: string;
  window: InsightsWindow;
  now: number;
  maxPages?: number;
}

export interface CallsRead {
  logs: CallLog[];
  pages: number;
}

/** The logs of the pages read (unfiltered; aggregateCalls picks the window). */
export async function readRecentCalls(api: ConversationApi, options: ReadCallsOptions): Promise<CallsRead> {
  const since = options.now - options.window.days * DAY_MS;
  const maxPages = options.maxPages ?? DEFAULT_MAX_PAGES;
  // One page holds the whole window when every call counts; the other pages make up for test calls and other versions.
  const limit = Math.min(MAX_PAGE_SIZE, Math.max(50, options.window.maxCalls));
  const logs: CallLog[] = [];
  let counted = 0;
  let pages = 0;
  while (pages < maxPages) {
    const page = await api.listConversations({ page: pages + 1, limit, agentIds: [options.agentId] });
    pages++;
    logs.push(...page.logs);
    for (const log of page.logs) {
      const at = Date.parse(log.createdAt ?? '');
      if (!log.isTest && log.versionId === options.liveVersionId && at >= since) counted++;
    }
    // updatedAt ≥ createdAt and the list is sorted by updatedAt descending: once it is older than the window, so is every later call.
    const oldest = Date.parse(page.logs.at(-1)?.updatedAt ?? page.logs.at(-1)?.createdAt ?? '');
    if (!page.hasMore || page.logs.length === 0 || counted >= options.window.maxCalls || oldest < since) break;
  }
  return { logs, pages };
}
