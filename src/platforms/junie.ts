import type { Platform } from './platform.js'
import { fileSchema, serverSchema, string, stringArray, stringMap } from './schema-parts.js'

// Facts: ../shared/docs/platforms-more.md §3. Junie is closed source; the JetBrains page
// (jetbrains.com/help/junie/model-context-protocol-mcp.html) documents a JSON file whose servers
// are a command, its arguments and environment. The project path is the one Laravel Boost and
// rulesync write (about 3,000 public repositories). Nothing here was run against Junie: every
// finding about this file is a notice (`certainty`).
const VERIFIED = 'JetBrains Junie docs (read 2026-12-03), not run'

const server = serverSchema({ command: string, args: stringArray, env: stringMap }, [
  { required: ['command'] }
])

export const junie: Platform = {
  role: 'client',
  id: 'junie',
  displayName: 'JetBrains Junie',
  checked: 'docs only (closed source): format findings are notices',
  certainty: 'unconfirmed',
  paths: ['.junie/mcp/mcp.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'unconfirmed' }, trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'junie',
    title: 'JetBrains Junie project MCP servers (.junie/mcp/mcp.json)',
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
      'jetbrains.com/help/junie/model-context-protocol-mcp.html (no variables or directory documented)',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio'],
    urlKey: 'url',
    urlKeys: {},
    typeValues: {},
    readTypes: {},
    cwd: false,
    headers: false,
    references: 'brace',
    description: false
  },
  aliases: ['jetbrains', 'jetbrains-junie'],
  reference: 'https://www.jetbrains.com/help/junie/model-context-protocol-mcp.html'
}
