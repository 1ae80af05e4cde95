import { plainObject, type PlainObject } from '../model/tree.js'
import { isObject } from '../canonical/normalize.js'
import { generatorInterpolation, generatorLaunch, passThrough } from './generated-source.js'
import { everyTypeSpelling, type PlatformId, type SourceDialect } from './platform.js'
import { SCHEMA_BASE_URL } from './schema-parts.js'

// Facts: dyoshikawa/rulesync @ cfebcd75 (2026-08-18), read 2026-12-03:
// src/features/mcp/rulesync-mcp.ts (files: .rulesync/mcp.jsonc, legacy mcp.json and .mcp.json,
// JSONC wins), src/types/mcp.ts (McpServerSchema, loose: unknown keys pass through),
// RulesyncMcpServerSchema (targets, description, exposed, enabled), and the per-tool sections
// (`claudecode: { mcpServers: { name: {…} | null } }`: an entry replaces the shared one, null
// removes it for that tool).
const VERIFIED = 'rulesync @ cfebcd75 (source read 2026-12-03)'

/** rulesync's tool names for the clients mcp-lint reads. */
const tools: Readonly<Record<string, PlatformId>> = {
  'antigravity-ide': 'antigravity',
  claudecode: 'claude-code',
  codexcli: 'codex',
  copilot: 'vscode',
  cursor: 'cursor',
  junie: 'junie',
  kiro: 'kiro',
  'kiro-ide': 'kiro',
  opencode: 'opencode',
  qwencode: 'qwen-code',
  roo: 'roo',
  zed: 'zed'
}
const rulesyncOnly = [
  'targets',
  'exposed',
  'enabled',
  'description',
  'envVars',
  'experimentalEnvironment',
  'experimental_environment'
]
const serverFields = ['type', 'command', 'args', 'env', 'cwd', 'url', 'headers']

const server = {
  type: 'object',
  properties: {
    type: { enum: ['local', 'stdio', 'sse', 'http', 'ws', 'streamable-http'] },
    transport: { enum: ['local', 'stdio', 'sse', 'http', 'ws', 'streamable-http'] },
    command: { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
    args: { type: 'array', items: { type: 'string' } },
    url: { type: 'string' },
    httpUrl: { type: 'string' },
    env: { type: 'object', additionalProperties: { type: 'string' } },
    headers: { type: 'object', additionalProperties: { type: 'string' } },
    cwd: { type: 'string' },
    disabled: { type: 'boolean' },
    enabled: { type: 'boolean' },
    targets: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    exposed: { type: 'boolean' }
  }
}

export const rulesync: SourceDialect = {
  role: 'source',
  id: 'rulesync',
  rank: 1,
  displayName: 'the rulesync source',
  checked: 'rulesync source @ cfebcd75 (2026-08-18), read 2026-12-03',
  generator: {
    name: 'rulesync',
    command: 'npx rulesync generate --features mcp',
    targetsKey: 'targets'
  },
  paths: ['.rulesync/mcp.jsonc', '.rulesync/mcp.json', '.rulesync/.mcp.json'],
  format: 'json',
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE_URL}/rulesync.schema.json`,
    title: 'rulesync MCP source (.rulesync/mcp.jsonc), as mcp-lint reads it',
    type: 'object',
    properties: {
      $schema: { type: 'string' },
      mcpServers: { type: 'object', additionalProperties: server }
    },
    required: ['mcpServers']
  },
  unknownFields: 'confirmed',
  ignoredFields: {},
  interpolation: generatorInterpolation,
  launch: generatorLaunch(
    'dyoshikawa/rulesync src/features/mcp (servers are copied into each tool file as written)',
    VERIFIED
  ),
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
    lenientReferences: true
  },
  toCommon,
  reference: 'https://github.com/dyoshikawa/rulesync'
}

/** A rulesync entry as mcp-lint's source writes it. */
function toCommon(name: string, value: PlainObject, root: PlainObject): PlainObject | undefined {
  const common = plainObject()
  for (const [key, field] of Object.entries(value))
    if (!rulesyncOnly.includes(key) && key !== 'transport') common[key] = field
  if (value.type === undefined && typeof value.transport === 'string') common.type = value.transport
  if (common.type === 'local') common.type = 'stdio'
  if (Array.isArray(value.command)) {
    const [command, ...rest] = value.command
    common.command = command ?? ''
    common.args = [...rest, ...(Array.isArray(value.args) ? value.args : [])]
  }
  if (typeof value.description === 'string') common.description = value.description
  const targets = Array.isArray(value.targets) ? value.targets : ['*']
  let clients: PlatformId[] = targets.includes('*')
    ? [...new Set(Object.values(tools))]
    : [...new Set(targets.flatMap((tool) => (typeof tool === 'string' ? (tools[tool] ?? []) : [])))]
  if (value.enabled === false) clients = []
  const overrides = plainObject()
  for (const [tool, client] of Object.entries(tools)) {
    const section = root[tool]
    const entries = isObject(section) ? section.mcpServers : undefined
    const replacement = isObject(entries) ? entries[name] : undefined
    if (replacement === null) clients = clients.filter((id) => id !== client)
    else if (isObject(replacement)) overrides[client] = replaceWholly(replacement)
  }
  if (
    !targets.includes('*') ||
    value.enabled === false ||
    clients.length < new Set(Object.values(tools)).size
  )
    common.platforms = clients
  if (Object.keys(overrides).length > 0) common.overrides = overrides
  return passThrough(common)
}

/** A section entry replaces the shared one: the server fields it leaves out are removed. */
function replaceWholly(replacement: PlainObject): PlainObject {
  const override = plainObject()
  for (const field of serverFields) override[field] = replacement[field] ?? null
  for (const [key, field] of Object.entries(replacement))
    if (!serverFields.includes(key) && !rulesyncOnly.includes(key)) override[key] = field
  return override
}
