import type { Platform } from './platform.js'
import {
  enumOf,
  fileSchema,
  object,
  requireForType,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

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
    platforms: stringArray,
    description: string,
    overrides: { type: 'object', additionalProperties: object }
  },
  [
    requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)'),
    requireForType(['http', 'sse'], ['url'], 'a remote server needs "url"')
  ]
)

export const source: Platform = {
  id: 'source',
  displayName: 'the central source',
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
      targets: {},
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
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'http', sse: 'sse' },
    readTypes: {
      stdio: 'stdio',
      http: 'http',
      'streamable-http': 'http',
      streamableHttp: 'http',
      sse: 'sse'
    },
    cwd: true,
    headers: true,
    references: 'brace',
    description: true,
    lenientReferences: true
  },
  aliases: [],
  reference: 'https://github.com/mcp-lint/mcp-lint#central-source'
}
