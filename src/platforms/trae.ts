import { everyTypeSpelling, type Platform } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms-more.md §5. Trae is closed source; its docs (TRAE CN,
// volcengine.com/docs/86677/2137601 "项目级 MCP Server") describe `.trae/mcp.json` in the project
// root, read only when project MCP is switched on, with `mcpServers` entries: "command" (no
// spaces), "args" and "env" strings, and remote servers over SSE or Streamable HTTP. Nothing here
// was run against Trae: every finding about this file is a notice (`certainty`).
const VERIFIED = 'TRAE docs (read 2026-12-03), not run'

const server = serverSchema(
  {
    type: enumOf(['stdio', 'sse', 'http', 'streamable-http', 'streamableHttp']),
    command: explain(
      'holds a space: Trae\'s docs say "command" is the program alone, its arguments go in "args"',
      { type: 'string', pattern: '^\\S*$' }
    ),
    args: stringArray,
    env: stringMap,
    cwd: string,
    url: string,
    headers: stringMap,
    disabled: boolean
  },
  [requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)')]
)

export const trae: Platform = {
  role: 'client',
  id: 'trae',
  displayName: 'Trae',
  checked: 'docs only (closed source): format findings are notices',
  certainty: 'unconfirmed',
  paths: ['.trae/mcp.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'unconfirmed' }, trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'trae',
    title: 'Trae project MCP servers (.trae/mcp.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {},
  // `${workspaceFolder}` appears in real project files; no source says Trae expands it.
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: ['brace'],
    prefixes: [],
    variables: ['workspaceFolder'],
    fields: 'all',
    preferred: 'brace'
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'undocumented',
    certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
    source: 'volcengine.com/docs/86677/2137601 (no variables or directory documented)',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'streamable-http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: true,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'brace',
    description: false
  },
  aliases: ['trae-ide'],
  reference: 'https://docs.trae.ai/ide/model-context-protocol'
}
