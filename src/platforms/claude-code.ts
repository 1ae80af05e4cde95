import { everyTypeSpelling, type Platform } from './platform.js'
import {
  enumOf,
  explain,
  fileSchema,
  integer,
  boolean,
  number,
  object,
  requireForType,
  requireOneOf,
  requireWith,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.1 (code.claude.com/docs/en/mcp, CHANGELOG to 2.1.240, checked 2026-08-22).
const remoteTypes = ['http', 'streamable-http', 'sse', 'ws']

const server = serverSchema(
  {
    type: enumOf(['stdio', ...remoteTypes]),
    command: string,
    args: stringArray,
    env: stringMap,
    url: string,
    headers: stringMap,
    headersHelper: string,
    oauth: {
      type: 'object',
      properties: {
        clientId: string,
        callbackPort: integer,
        authServerMetadataUrl: explain('"authServerMetadataUrl" must be an https:// URL', {
          type: 'string',
          pattern: '^https://'
        }),
        scopes: explain(
          '"scopes" is one space-separated string in Claude Code, not a list',
          string
        ),
        xaa: object
      }
    },
    timeout: number,
    alwaysLoad: boolean
  },
  [
    requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)'),
    requireWith(
      'url',
      ['type'],
      'a server with "url" needs "type" ("http" or "sse"): Claude Code 2.1.202+ rejects it without'
    ),
    requireForType(remoteTypes, ['url'], 'a remote server needs "url"')
  ]
)

export const claudeCode: Platform = {
  id: 'claude-code',
  displayName: 'Claude Code',
  paths: ['.mcp.json', '.claude/mcp.json'],
  format: 'json',
  // Comments in .mcp.json are unconfirmed; `claude mcp add-json` rejects trailing commas.
  jsonc: { comments: { forbidden: 'unconfirmed' }, trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'claude-code',
    title: 'Claude Code project MCP servers (.mcp.json)',
    serversKey: 'mcpServers',
    server,
    serverName: explain('Claude Code server names use letters, digits, "-" and "_" only', {
      pattern: '^[A-Za-z0-9_-]+$'
    }),
    required: true
  }),
  unknownFields: 'confirmed',
  ignoredFields: {
    cwd: 'Claude Code ignores "cwd": servers start in the directory Claude Code was launched from (anthropics/claude-code#42883)'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace', 'brace-default'],
    prefixes: [],
    variables: [],
    fields: ['command', 'args', 'env', 'url', 'headers'],
    preferred: 'brace'
  },
  // `${CLAUDE_PLUGIN_ROOT}` and `${CLAUDE_PLUGIN_DATA}` exist in plugins only. In a project file
  // `${CLAUDE_PROJECT_DIR}` is an environment reference like any other, set for the servers but not
  // for the expansion itself: hence the documented `${CLAUDE_PROJECT_DIR:-.}`.
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'code.claude.com/docs/en/mcp ("Environment variable expansion in .mcp.json"; plugin MCP servers); anthropics/claude-code#42883 (servers start where Claude Code was launched, "cwd" is ignored)',
    verified: 'Claude Code 2.1.240 (docs mirror ericbuess/claude-code-docs @ ec68a5b, 2026-08-22)'
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: false,
    headers: true,
    references: 'brace',
    description: false
  },
  tools: {
    naming: { scheme: 'claude-code', certainty: 'confirmed' },
    limits: {
      // No client cap: tool search loads tools on demand since 2.1.7 (docs/mcp.md, CHANGELOG 2.1.7).
      // The warning is the guide this project follows: about 100 tools.
      warning: {
        value: 100,
        source: 'the mcp-lint guide; Claude Code has no cap since tool search (CHANGELOG 2.1.7)',
        checked: '2026-08-22'
      },
      certainty: 'confirmed',
      consequence:
        'Claude Code defers most tool definitions to tool search, so the model sees them only on demand'
    }
  },
  aliases: ['claude', 'claudecode'],
  reference: 'https://code.claude.com/docs/en/mcp'
}
