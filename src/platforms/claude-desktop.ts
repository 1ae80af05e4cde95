import type { Platform } from './platform.js'
import {
  explain,
  fileSchema,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.2 (modelcontextprotocol docs connect-local-servers.mdx).
const server = serverSchema({ command: string, args: stringArray, env: stringMap }, [
  explain('Claude Desktop starts local servers only: a server needs "command"', {
    required: ['command']
  })
])

export const claudeDesktop: Platform = {
  role: 'client',
  id: 'claude-desktop',
  displayName: 'Claude Desktop',
  checked: 'MCP docs, read 2026-12-03',
  paths: ['claude_desktop_config.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'confirmed' }, trailingCommas: { forbidden: 'confirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: false,
  schema: fileSchema({
    id: 'claude-desktop',
    title: 'Claude Desktop configuration (claude_desktop_config.json)',
    serversKey: 'mcpServers',
    server,
    required: false
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {
    url: 'Claude Desktop ignores remote servers in this file: add them under Settings > Connectors',
    type: 'Claude Desktop reads local (stdio) servers only and ignores "type"',
    headers:
      'Claude Desktop ignores remote servers in this file: add them under Settings > Connectors'
  },
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Claude Desktop documents no interpolation: write the value, or leave {name} out so the server inherits it'
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'client-process',
    certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
    source:
      'modelcontextprotocol.io/docs/tools/debugging ("Working directory": may be undefined, like / on macOS; use absolute paths)',
    verified: 'MCP docs (read 2026-12-03)'
  },
  translation: {
    transports: ['stdio'],
    urlKey: 'url',
    urlKeys: {},
    typeValues: {},
    readTypes: { stdio: 'stdio' },
    cwd: false,
    headers: false,
    references: 'none',
    description: false
  },
  aliases: ['claudedesktop'],
  reference: 'https://modelcontextprotocol.io/docs/develop/connect-local-servers'
}
