/**
 * The parts of undici this tool uses, each imported from its own file. undici's index.js requires all of undici
 * (WebSocket, EventSource, mocks, cache stores, SOCKS, the interceptors), and compiling that was ~40 ms of every
 * command that talks to an API: an ESM bundle of index.js took 96 ms more than an empty module to load, one of
 * these files 57 ms (30 interleaved runs, env -i). Types still come from the package's own declarations.
 */
import type * as Undici from 'undici';
import AgentImpl from 'undici/lib/dispatcher/agent.js';
import DispatcherImpl from 'undici/lib/dispatcher/dispatcher.js';
import PoolImpl from 'undici/lib/dispatcher/pool.js';
import ProxyAgentImpl from 'undici/lib/dispatcher/proxy-agent.js';
import api from 'undici/lib/api/index.js';
import fetchModule from 'undici/lib/web/fetch/index.js';

// What index.js does on load besides exporting: the request/stream/pipeline/connect/upgrade methods live on the
// dispatcher prototype, and ProxyAgent tunnels through its pool's connect().
Object.assign(DispatcherImpl.prototype, api);

export type Dispatcher = Undici.Dispatcher;
export const Agent = AgentImpl;
export const Pool = PoolImpl;
export const ProxyAgent = ProxyAgentImpl;
export const fetch: typeof Undici.fetch = (input, init) => fetchModule.fetch(input, init);
