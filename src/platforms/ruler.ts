import { plainObject, type PlainObject } from '../model/tree.js'
import { isObject } from '../canonical/normalize.js'
import { generatorInterpolation, generatorLaunch, passThrough } from './generated-source.js'
import type { SourceDialect } from './platform.js'
import { SCHEMA_BASE_URL } from './schema-parts.js'

// Facts: intellectronica/ruler @ 0fa2caee (2026-08-19), read 2026-12-03:
// src/core/ConfigLoader.ts (ruler.toml: [mcp] enabled/merge_strategy, [mcp_servers.<name>]),
// src/core/UnifiedConfigLoader.ts (normalisation: a written "type" is dropped and recomputed, a
// "url" wins over "command", an entry with neither is skipped; other keys are copied as they
// are; .ruler/mcp.json is deprecated and ruler.toml wins per server name).
const VERIFIED = 'ruler @ 0fa2caee (source read 2026-12-03)'
const generator = { name: 'ruler', command: 'npx @intellectronica/ruler apply' }

const server = {
  type: 'object',
  properties: {
    type: { type: 'string' },
    command: { type: 'string' },
    args: { type: 'array', items: { type: 'string' } },
    env: { type: 'object' },
    url: { type: 'string' },
    headers: { type: 'object' },
    timeout: { type: 'number' }
  }
}

const common = {
  role: 'source',
  rank: 2,
  generator,
  // ruler.toml holds ruler's other settings too.
  dedicated: false,
  unknownFields: 'confirmed',
  ignoredFields: {},
  interpolation: generatorInterpolation,
  launch: generatorLaunch(
    'intellectronica/ruler src/core/UnifiedConfigLoader.ts (servers are copied into each agent file)',
    VERIFIED
  ),
  translation: {
    transports: ['stdio', 'http'],
    urlKey: 'url',
    urlKeys: { url: 'http' },
    typeValues: {},
    readTypes: {},
    cwd: false,
    headers: true,
    references: 'brace',
    description: false,
    lenientReferences: true
  },
  toCommon,
  // [mcp] merge_strategy: "merge" (the default) keeps the agent file's other servers.
  keepsOtherServers: (root: PlainObject) => {
    const mcp = root.mcp
    return !(isObject(mcp) && mcp.merge_strategy === 'overwrite')
  },
  reference: 'https://github.com/intellectronica/ruler#mcp-server-configuration'
} as const

export const ruler: SourceDialect = {
  ...common,
  id: 'ruler',
  displayName: 'the ruler source',
  checked: 'ruler source @ 0fa2caee (2026-08-19), read 2026-12-03',
  paths: ['.ruler/ruler.toml'],
  format: 'toml',
  serversKeys: ['mcp_servers'],
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/ruler.schema.json`,
    title: 'ruler configuration (.ruler/ruler.toml), MCP part, as mcp-lint reads it',
    type: 'object',
    // [mcp] and [agents.*] are ruler's own settings, not a server map.
    properties: {
      mcp: { type: 'object' },
      agents: { type: 'object' },
      mcp_servers: { type: 'object', additionalProperties: server }
    }
  }
}

export const rulerJson: SourceDialect = {
  ...common,
  id: 'ruler-json',
  displayName: 'the ruler source (legacy JSON)',
  checked: 'ruler source @ 0fa2caee (2026-08-19), read 2026-12-03',
  paths: ['.ruler/mcp.json'],
  format: 'json',
  // JSON.parse, then again with comments and trailing commas stripped.
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['mcpServers', 'servers'],
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/ruler-json.schema.json`,
    title: 'ruler legacy MCP servers (.ruler/mcp.json), as mcp-lint reads it',
    type: 'object',
    properties: {
      mcpServers: { type: 'object', additionalProperties: server },
      servers: { type: 'object', additionalProperties: server }
    }
  }
}

/** A ruler server as mcp-lint's source writes it: the transport follows from "url". */
function toCommon(_name: string, value: PlainObject): PlainObject | undefined {
  const server = plainObject()
  for (const [key, field] of Object.entries(value)) if (key !== 'type') server[key] = field
  if (typeof value.url === 'string' && value.url !== '') {
    delete server.command
    delete server.args
    delete server.env
    return passThrough(server)
  }
  if (typeof value.command !== 'string' || value.command === '') return undefined
  delete server.url
  delete server.headers
  return passThrough(server)
}
