import { platforms } from './clients.js'
import { everyTypeSpelling, type SourceDialect } from './platform.js'
import {
  enumOf,
  explain,
  fileSchema,
  object,
  requireForType,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

/** Every name a source may give a platform: ids and the aliases real sources use (`claude`, `copilot`). */
const platformName = explain(
  'unknown platform: use a platform id such as "claude-code", "cursor", "vscode" or "codex"',
  {
    enum: platforms.flatMap((platform) => [platform.id, ...platform.aliases])
  }
)

/**
 * The central source, `.agents/mcp/mcp-servers.json`: one entry per server in the common shape,
 * from which every platform file is checked and generated. References are written `${VAR}` once.
 */
const server = serverSchema(
  {
    type: enumOf(['stdio', 'http', 'sse']),
    command: string,
    args: stringArray,
    env: stringMap,
    cwd: string,
    url: string,
    headers: stringMap,
    includeTools: stringArray,
    excludeTools: stringArray,
    toolTimeoutSec: { type: 'number', exclusiveMinimum: 0 },
    startupTimeoutSec: { type: 'number', exclusiveMinimum: 0 },
    platforms: { type: 'array', items: platformName },
    description: string,
    overrides: { type: 'object', propertyNames: platformName, additionalProperties: object }
  },
  [
    requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)'),
    requireForType(['http', 'sse'], ['url'], 'a remote server needs "url"')
  ]
)

export const source: SourceDialect = {
  role: 'source',
  id: 'source',
  rank: 0,
  displayName: 'the central source',
  checked: "mcp-lint's own format",
  paths: ['.agents/mcp/mcp-servers.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'confirmed' }, trailingCommas: { forbidden: 'confirmed' } },
  // Real sources also use "servers" (LIDR-IT/ai-assisted-workflow).
  serversKeys: ['mcpServers', 'servers'],
  dedicated: true,
  schema: fileSchema({
    id: 'source',
    title: 'mcp-lint central MCP source (.agents/mcp/mcp-servers.json)',
    serversKey: 'mcpServers',
    server,
    required: false,
    extraProperties: {
      servers: { type: 'object', additionalProperties: server },
      targets: {
        description:
          'The platform files kept in sync with this source; default: the ones that exist.',
        // An array of platform names or { platform, path }, or an object of platform name to path.
        type: ['array', 'object'],
        items: {
          anyOf: [
            platformName,
            {
              type: 'object',
              properties: { platform: platformName, path: string },
              required: ['platform'],
              additionalProperties: false
            }
          ]
        },
        propertyNames: platformName,
        additionalProperties: { type: ['string', 'boolean'] }
      },
      version: string,
      description: string
    }
  }),
  unknownFields: 'confirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace', 'brace-default'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'brace'
  },
  // mcp-lint's own format: references only (`${VAR}`, `${VAR:-default}`, `${env:VAR}` read too),
  // and "cwd" relative to the repository root, where every platform file is generated.
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'workspace',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source: 'README.md, "Central source and `mcp-lint sync`"',
    verified: 'mcp-lint 0.1.0'
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: true,
    headers: true,
    references: 'brace',
    description: true,
    lenientReferences: true,
    timeouts: {
      tool: { key: 'toolTimeoutSec', unit: 's', source: "mcp-lint's own format" },
      startup: { key: 'startupTimeoutSec', unit: 's', source: "mcp-lint's own format" }
    }
  },
  // The names every platform's tool lists are read into and written from.
  tools: { filters: { allow: 'includeTools', deny: 'excludeTools' } },
  reference: 'https://github.com/mcp-lint/mcp-lint#central-source'
}
