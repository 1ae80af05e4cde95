// The central source's model lives with the rest of the model, which the workspace holds; these
// names stay importable from here.
export type { SourceDuplicate, SourceModel, SourceServer, Target } from '../model/workspace.js'

export const SOURCE_PATH = '.agents/mcp/mcp-servers.json'
export const FRAGMENTS_DIR = '.agents/mcp/servers'
export const ENVIRONMENTS_DIR = '.agents/mcp/environments'

/** Fields of a source entry that describe it rather than the server. */
export const SOURCE_ONLY_FIELDS = ['platforms', 'overrides', 'description']
