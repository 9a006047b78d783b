/** The emulator's fixed texts, in a module of their own: the CLI's argument parser reads them, and must not load the server to do so. */

export const BASE_PATH = '/atoms/v1';

/** The v1 endpoints' 409 answer under the branch model (v2 fact sheet §2), word for word. */
export const MIGRATION_REQUIRED =
  'This endpoint is deprecated under the branch model. Use the /agents/:id/branches APIs — publish, make-live and config edits now happen on branches. If you are calling this via the MCP server, update the MCP tool to its branch-model version as well.';
