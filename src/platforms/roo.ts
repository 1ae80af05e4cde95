import { everyTypeSpelling, type LaunchSemantics, type Platform } from './platform.js'
import {
  boolean,
  enumOf,
  fileSchema,
  number,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.10 (docs.roocode.com/features/mcp/using-mcp-in-roo).
const server = serverSchema(
  {
    type: enumOf(['stdio', 'sse', 'streamable-http']),
    command: string,
    args: stringArray,
    cwd: string,
    env: stringMap,
    url: string,
    headers: stringMap,
    alwaysAllow: stringArray,
    disabled: boolean,
    disabledTools: stringArray,
    watchPaths: stringArray,
    timeout: number
  },
  [requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)')]
)

// McpHub replaces `${env:NAME}` and `${workspaceFolder}` (the first workspace folder) in the whole
// entry and passes "cwd" on as it is; without it the server inherits the extension host's directory.
const launch: LaunchSemantics = {
  variables: { workspaceFolder: 'workspaceFolder' },
  prompted: [],
  tilde: false,
  cwd: 'client-process',
  certainty: { variables: 'confirmed', cwd: 'unconfirmed' },
  source:
    'RooCodeInc/Roo-Code src/services/mcp/McpHub.ts (connectToServer: injectVariables, StdioClientTransport cwd: config.cwd), src/utils/config.ts (injectVariables)',
  verified: 'Roo-Code main: src/utils/config.ts @ e7bd9ab0 (read 2026-12-03)'
}

export const roo: Platform = {
  role: 'client',
  id: 'roo',
  displayName: 'Roo Code',
  checked: 'source @ e7bd9ab0, read 2026-12-03',
  paths: ['.roo/mcp.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'unconfirmed' }, trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'roo',
    title: 'Roo Code project MCP servers (.roo/mcp.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: ['env'],
    variables: Object.keys(launch.variables),
    fields: 'all',
    preferred: 'env-prefix'
  },
  launch,
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'streamable-http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: true,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'env-prefix',
    description: false,
    timeouts: {
      tool: {
        key: 'timeout',
        unit: 's',
        source: 'RooCodeInc/Roo-Code McpHub.ts (timeout: seconds, 1-3600, default 60)'
      }
    }
  },
  tools: {
    filters: { deny: 'disabledTools' }
  },
  aliases: ['roocode', 'roo-code'],
  reference: 'https://docs.roocode.com/features/mcp/using-mcp-in-roo'
}
