import type { Platform } from './platform.js'
import {
  boolean,
  fileSchema,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.7 (docs.windsurf.com/windsurf/cascade/mcp; project file and
// interpolation only second-hand).
const server = serverSchema(
  {
    command: string,
    args: stringArray,
    env: stringMap,
    serverUrl: string,
    url: string,
    headers: stringMap,
    disabled: boolean,
    disabledTools: stringArray
  },
  [
    requireOneOf(
      ['command', 'serverUrl', 'url'],
      'a server needs "command" (local) or "serverUrl" (remote)'
    )
  ]
)

export const windsurf: Platform = {
  role: 'client',
  id: 'windsurf',
  displayName: 'Windsurf',
  checked: 'docs of 2026; unconfirmed facts are one level milder',
  paths: ['.windsurf/mcp_config.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'unconfirmed' }, trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'windsurf',
    title: 'Windsurf MCP servers (mcp_config.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: ['env', 'file'],
    variables: [],
    fields: ['command', 'args', 'env', 'serverUrl', 'url', 'headers'],
    preferred: 'env-prefix'
  },
  // `${file:path}` puts a file of the developer's machine into the entry: a prompted value.
  launch: {
    variables: {},
    prompted: ['file'],
    tilde: false,
    cwd: 'undocumented',
    certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
    source:
      'docs.windsurf.com/windsurf/cascade/mcp as quoted by syllago.dev (${env:VAR} and ${file:path} only); no working directory documented',
    verified: 'Windsurf docs as quoted in 2026 (read 2026-12-03)'
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
    references: 'env-prefix',
    description: false
  },
  tools: {
    filters: { deny: 'disabledTools' },
    limits: {
      error: {
        value: 100,
        source: '"Cascade has a limit of 100 total tools" (docs.windsurf.com/windsurf/cascade/mcp)',
        checked: '2026-08-22'
      },
      certainty: 'confirmed',
      consequence: 'Cascade loads at most 100 tools; the user has to pick which ones'
    }
  },
  aliases: ['codeium'],
  reference: 'https://docs.windsurf.com/windsurf/cascade/mcp'
}
