import { quote } from '../util/quote.js'
import { changed, eachTool, type ExposedTool } from './tool-naming.js'
import { everyTypeSpelling, type Platform } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  number,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.4 (google-gemini/gemini-cli @ 5411f113, 2026-08-21), and
// what Gemini CLI 0.61.0 did with __tests__/clients/cases/gemini-cli.ts (verified 2026-12-03).

// McpClientManager.maybeDiscoverMcpServer skips, without a word, an entry whose command, url and
// httpUrl are all missing or empty: "tcp" alone starts nothing (0.61.0, verified 2026-12-03).
const command = {
  type: 'string',
  allOf: [explain('empty, so Gemini CLI 0.61.0 skips the server without a word', { minLength: 1 })]
}
// createUrlTransport: `new URL(url)` throws "Invalid URL" and the server is not connected; any
// scheme passes ("localhost:8080" is a URL with the scheme "localhost:") (0.61.0, 2026-12-03).
// Settings values are expanded first, so a leading reference may still become a URL.
const url = {
  type: 'string',
  allOf: [
    explain(
      'not a URL (no scheme), so Gemini CLI 0.61.0 fails with "Invalid URL" and does not load the server',
      { pattern: '^(?:[A-Za-z][A-Za-z0-9+.-]*:|\\$)' }
    )
  ]
}
const server = serverSchema(
  {
    command,
    args: stringArray,
    env: stringMap,
    cwd: string,
    url,
    httpUrl: url,
    headers: stringMap,
    tcp: string,
    type: enumOf(['sse', 'http', 'stdio']),
    timeout: number,
    trust: boolean,
    description: string,
    includeTools: stringArray,
    excludeTools: stringArray,
    extension: object,
    oauth: object,
    authProviderType: enumOf([
      'dynamic_discovery',
      'google_credentials',
      'service_account_impersonation'
    ]),
    targetAudience: string,
    targetServiceAccount: string
  },
  [
    requireOneOf(
      ['command', 'url', 'httpUrl'],
      'a server needs "command" (local), "url" or "httpUrl" (remote): Gemini CLI 0.61.0 skips it without a word ("tcp" alone starts nothing)'
    )
  ]
)

export const geminiCli: Platform = {
  role: 'client',
  id: 'gemini-cli',
  displayName: 'Gemini CLI',
  checked: '0.61.0, run offline on the differential cases, 2026-12-03',
  paths: ['.gemini/settings.json'],
  format: 'json',
  // settings.ts: JSON.parse(stripJsonComments(content)).
  jsonc: { comments: 'allowed', trailingCommas: { forbidden: 'confirmed' } },
  // JSON.parse chokes on the BOM that strip-json-comments leaves (case syntax-bom).
  byteOrderMark: {
    forbidden: 'confirmed',
    consequence: 'Gemini CLI 0.61.0 stops with a fatal error and loads nothing'
  },
  serversKeys: ['mcpServers'],
  dedicated: false,
  schema: fileSchema({
    id: 'gemini-cli',
    title: 'Gemini CLI settings (.gemini/settings.json), MCP part',
    serversKey: 'mcpServers',
    server,
    required: false,
    // mcp.allowed, mcp.excluded, mcp.serverCommand: settings, not a server map.
    extraProperties: { mcp: object }
  }),
  unknownFields: 'confirmed',
  // Settings that fail the schema only warn ("Invalid configuration in …"); the raw values are
  // used. These wrong types still load the server; others refuse it at launch (a non-string
  // command, cwd or env value, args that is not an array: the session hangs), and a null entry
  // stops every server of the file (0.61.0, verified 2026-12-03).
  // JSON.parse(stripJsonComments(text)): the last copy of a key wins, servers and mcpServers
  // included (0.61.0, verified 2026-12-03).
  duplicateKeys: { keeps: 'last', verified: 'gemini-cli 0.61.0 (2026-12-03)' },
  toleratedTypes: {
    fields: ['args/*', 'env', 'timeout', 'trust', 'type', 'includeTools', 'excludeTools'],
    consequence:
      'Gemini CLI 0.61.0 warns, then loads the server with the value as written ("trust": "false" trusts it, a string "includeTools" lets no tool through, a string "excludeTools" removes every tool whose name it contains)',
    verified: 'gemini-cli 0.61.0 (2026-12-03)'
  },
  // One null entry throws while the servers are gathered, so none of the file's servers starts; a
  // string, number or array entry is skipped alone (cases type-entry-*, 0.61.0, 2026-12-03).
  invalidEntry: {
    rejects: 'file',
    entryKinds: ['null'],
    consequence: 'Gemini CLI 0.61.0 then starts none of the servers in this file',
    verified: 'gemini-cli 0.61.0 (2026-12-03)'
  },
  // Only a warning ("Expected object, received array"); Object.entries numbers the items.
  serverArray: {
    consequence: 'Gemini CLI 0.61.0 warns, then loads the items as servers named "0", "1", …',
    verified: 'gemini-cli 0.61.0 (2026-12-03)'
  },
  // McpClientManager.startConfiguredMcpServers → populateMcpServerCommand: shell-quote's parse of
  // the line becomes mcpServers["mcp"]; an operator, glob or comment throws before any server
  // starts (cases discovery-server-command*, 0.61.0, 2026-12-03).
  commandSetting: {
    path: ['mcp', 'serverCommand'],
    server: 'mcp',
    consequence:
      'Gemini CLI 0.61.0 fails with "failed to parse mcpServerCommand" and starts no MCP server at all',
    verified: 'gemini-cli 0.61.0 (2026-12-03)'
  },
  ignoredFields: {
    disabled:
      'Gemini CLI has no "disabled" field: run `gemini mcp disable <name>` or list the server in "mcp.excluded"'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace', 'brace-default', 'bare'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'brace'
  },
  // settings.json gets environment references only: `${extensionPath}`, `${workspacePath}` and
  // `${/}` are for gemini-extension.json. Workspace settings are read from the launch directory,
  // and stdio servers inherit it unless "cwd" is set.
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'google-gemini/gemini-cli packages/cli/src/utils/envVarResolver.ts, packages/cli/src/config/settings.ts (loadSettings(workspaceDir = process.cwd())), packages/cli/src/config/extension-manager.ts (extension variables), packages/core/src/tools/mcp-client.ts (StdioClientTransport cwd: mcpServerConfig.cwd)',
    verified: 'gemini-cli 0.56.0-nightly.20260806 @ 5411f113 (2026-08-21)'
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined, httpUrl: 'http' },
    typeValues: { http: 'http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: true,
    headers: true,
    references: 'brace',
    description: true,
    timeouts: {
      tool: {
        key: 'timeout',
        unit: 'ms',
        source:
          'google-gemini/gemini-cli docs/tools/mcp-server.md (timeout: request timeout in milliseconds, default 600000)'
      }
    }
  },
  tools: {
    naming: {
      expose: eachTool(toolName),
      certainty: 'confirmed',
      clash: 'Gemini CLI keeps the one registered last and drops the other',
      // Policy rules and allow-lists split "mcp_<server>_<tool>" at the first "_" after "mcp_";
      // generateValidName adds no "mcp_" to a joined name that already starts with it.
      serverName: (server) =>
        server === 'mcp' || server.startsWith('mcp_')
          ? {
              message: `Gemini CLI adds no "mcp_" prefix to tools of a server named ${quote(server)}, so their names are ambiguous: rename the server`,
              breaksTools: false
            }
          : server.includes('_')
            ? {
                message: `Gemini CLI reads "mcp_<server>_<tool>" up to the first "_" after "mcp_", so policy rules and tool allow-lists misread the tools of ${quote(server)}: use "-" instead of "_"`,
                breaksTools: false
              }
            : undefined
    },
    filters: {
      allow: 'includeTools',
      deny: 'excludeTools',
      scalar: {
        allow: 'nothing',
        deny: 'substring',
        verified:
          'Gemini CLI 0.61.0, differential cases type-include-string, type-exclude-string (2026-12-03)'
      }
    },
    // config.ts isAllowed/isExcluded: exact, case-sensitive names; an empty `mcp.allowed` blocks
    // nothing; `mcp.excluded` wins.
    servers: {
      allow: ['mcp', 'allowed'],
      deny: ['mcp', 'excluded'],
      verified: 'Gemini CLI 0.61.0, differential cases allow-mcp-* (2026-12-03)'
    },
    limits: {
      warning: { value: 50, source: 'the mcp-lint guide', checked: '2026-08-22' },
      error: {
        value: 512,
        source:
          'Gemini API "At most 512 function declarations" (google-gemini/gemini-cli#19083, #25440)',
        checked: '2026-08-21'
      },
      certainty: 'confirmed',
      consequence: 'the Gemini API rejects requests with more than 512 function declarations'
    }
  },
  aliases: ['gemini', 'geminicli'],
  reference: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md'
}

// Gemini CLI generateValidName (packages/core/src/tools/mcp-tool.ts @ 5411f113).
function toolName(server: string, tool: string): ExposedTool {
  const joined = `${server}_${tool}`
  let name = joined.startsWith('mcp_') ? joined : `mcp_${joined}`
  const sanitized = name.replace(/[^a-zA-Z0-9_\-.:]/g, '_')
  const wasSanitized = sanitized !== name
  name = /^[^a-zA-Z_]/.test(sanitized) ? `_${sanitized}` : sanitized
  const truncated = name.length > 63
  if (truncated) name = `${name.slice(0, 30)}...${name.slice(-30)}`
  return changed(server, tool, name, wasSanitized && 'sanitized', truncated && 'truncated')
}
