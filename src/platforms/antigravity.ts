import { quote } from '../util/quote.js'
import { changed, eachTool, type ExposedTool } from './tool-naming.js'
import type { Platform } from './platform.js'
import {
  boolean,
  enumOf,
  fileSchema,
  forbidden,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.5. No public source: behaviour measured by third parties (skillsaw, agy 1.1.25/1.1.26).
const server = serverSchema(
  {
    command: string,
    args: stringArray,
    env: stringMap,
    serverUrl: string,
    url: string,
    headers: stringMap,
    disabled: boolean,
    disabledTools: stringArray,
    authProviderType: enumOf(['google_credentials']),
    oauth: object,
    clientId: string,
    clientSecret: string,
    httpUrl: forbidden('Antigravity 2.0 rejects "httpUrl": use "serverUrl"')
  },
  [
    requireOneOf(
      ['command', 'serverUrl', 'url'],
      'a server needs "command" (local) or "serverUrl" (remote)'
    )
  ]
)

export const antigravity: Platform = {
  role: 'client',
  id: 'antigravity',
  displayName: 'Antigravity',
  checked: 'docs and a 2026 forum thread; unconfirmed facts are one level milder',
  paths: ['.agents/mcp_config.json', '.gemini/antigravity/mcp_config.json', 'mcp_config.json'],
  format: 'json',
  // Go encoding/json: a comment or trailing comma makes `agy` exit 1 (measured).
  jsonc: { comments: { forbidden: 'confirmed' }, trailingCommas: { forbidden: 'confirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'antigravity',
    title: 'Antigravity MCP servers (mcp_config.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {
    enabled: 'Antigravity does not read "enabled": use "disabled": true',
    timeout: 'Antigravity does not read "timeout"'
  },
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Antigravity is not known to expand references: leave {name} out of "env" so the server inherits it'
  },
  // In one forum thread a Google reply says servers do not start in the project and to pass
  // `${workspaceFolder}`, and a user answers that it reaches the server as literal text.
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'undocumented',
    certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
    source:
      'discuss.ai.google.dev/t/please-provide-env-for-current-project-base-dir-to-mcp-servers/119313 (conflicting reports); no public source',
    verified: 'forum thread of 2026 (read 2026-12-03)'
  },
  translation: {
    transports: ['stdio', 'http'],
    urlKey: 'serverUrl',
    urlKeys: { serverUrl: 'http', url: 'http' },
    typeValues: {},
    readTypes: { stdio: 'stdio', http: 'http' },
    cwd: false,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'none',
    description: false
  },
  tools: {
    naming: {
      expose: eachTool(toolName),
      certainty: 'unconfirmed',
      clash: 'the model cannot tell which one it calls',
      why: {
        invalid: {
          reason: 'whose names, server name included, do not match ^[a-zA-Z0-9_-]{1,64}$',
          fix: 'rename the tools or the server'
        }
      },
      serverName: (server) =>
        /^[a-zA-Z0-9_-]{1,64}$/.test(server)
          ? undefined
          : {
              message: `Antigravity checks tool names, server name included, against ^[a-zA-Z0-9_-]{1,64}$, so every tool of ${quote(server)} fails: use letters, digits, "-" and "_" only`,
              breaksTools: true
            }
    },
    filters: { deny: 'disabledTools' },
    limits: {
      warning: {
        value: 50,
        source: 'the mcp-lint guide; one report of a 50 limit (unifi-mcp#69, May 2026)',
        checked: '2026-08-22'
      },
      error: {
        value: 100,
        source:
          '"would exceed max limit of 100" (homeassistant-ai/ha-mcp#420, elementor-mcp#37, godot-ai#170)',
        checked: '2026-08-22'
      },
      certainty: 'confirmed',
      consequence: 'Antigravity refuses to add a server that takes the enabled tools over its limit'
    }
  },
  aliases: ['agy', 'google-antigravity'],
  reference: 'https://antigravity.google/docs/mcp'
}

// Antigravity validates names, server label included, against ^[a-zA-Z0-9_-]{1,64}$
// (microsoft/mcp#2966); how the label and tool are joined is not documented.
function toolName(server: string, tool: string): ExposedTool {
  const exposed = `${server}_${tool}`
  return changed(server, tool, exposed, !/^[a-zA-Z0-9_-]{1,64}$/.test(exposed) && 'invalid')
}
