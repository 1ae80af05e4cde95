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

// Facts: kiro.dev/docs/mcp/configuration ("${EXPANDED_VARIABLE}" in env; disabled, autoApprove, disabledTools).
const server = serverSchema(
  {
    command: string,
    args: stringArray,
    env: stringMap,
    url: string,
    headers: stringMap,
    disabled: boolean,
    autoApprove: stringArray,
    disabledTools: stringArray
  },
  [requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)')]
)

export const kiro: Platform = {
  role: 'client',
  id: 'kiro',
  displayName: 'Kiro',
  checked: 'docs, read 2026-12-03',
  paths: ['.kiro/settings/mcp.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'unconfirmed' }, trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'kiro',
    title: 'Kiro workspace MCP servers (.kiro/settings/mcp.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: ['brace'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'brace'
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'undocumented',
    certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
    source:
      'kiro.dev/docs/mcp/configuration (environment references in "env"; no path variables or working directory documented)',
    verified: 'Kiro docs (read 2026-12-03)'
  },
  translation: {
    transports: ['stdio', 'http'],
    urlKey: 'url',
    urlKeys: { url: 'http' },
    typeValues: {},
    readTypes: {},
    cwd: false,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'brace',
    description: false
  },
  tools: {
    filters: { deny: 'disabledTools' }
  },
  aliases: ['kiro-ide'],
  reference: 'https://kiro.dev/docs/mcp/configuration'
}
