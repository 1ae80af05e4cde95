import { everyTypeSpelling, type Platform } from './platform.js'
import {
  fileSchema,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.3 (cursor.com/docs/mcp; interpolation as quoted by third parties).
const server = serverSchema(
  {
    type: string,
    command: string,
    args: stringArray,
    env: stringMap,
    envFile: string,
    url: string,
    headers: stringMap,
    auth: object
  },
  [requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)')]
)

export const cursor: Platform = {
  id: 'cursor',
  displayName: 'Cursor',
  paths: ['.cursor/mcp.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'confirmed' }, trailingCommas: { forbidden: 'confirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'cursor',
    title: 'Cursor project MCP servers (.cursor/mcp.json)',
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
    variables: ['userHome', 'workspaceFolder', 'workspaceFolderBasename', 'pathSeparator'],
    fields: ['command', 'args', 'env', 'envFile', 'url', 'headers'],
    preferred: 'env-prefix'
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: false,
    headers: true,
    references: 'env-prefix',
    description: false
  },
  tools: {
    naming: { scheme: 'cursor', certainty: 'confirmed' },
    limits: {
      // 40 in the 2025 docs, a warning above 80 since Sep 2025, on-demand loading since Jan 2026.
      warning: {
        value: 80,
        source:
          'Cursor warns above 80 tools (Snowflake-Labs/mcp#77); on-demand loading since Jan 2026',
        checked: '2026-08-22'
      },
      certainty: 'confirmed',
      consequence: 'Cursor warns and may leave tools out of the agent'
    }
  },
  aliases: [],
  reference: 'https://cursor.com/docs/mcp'
}
