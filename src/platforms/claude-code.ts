import { changed, eachTool, type ExposedTool } from './tool-naming.js'
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
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.1 (code.claude.com/docs/en/mcp, CHANGELOG to 2.1.240, checked 2026-08-22),
// and what Claude Code 2.1.332 did with __tests__/clients/cases/claude-code.ts (verified 2026-12-03;
// the validation is kAt/O1n in the 2.1.332 bundle: zod schemas per transport, one entry skipped
// with a "[Warning] … Skipped —" diagnostic, the whole file dropped on a JSON or top-level error).
const remoteTypes = ['http', 'streamable-http', 'sse', 'ws']
const verified = 'Claude Code 2.1.332 (2026-12-03)'
const strictJson =
  'Claude Code 2.1.332 drops the whole file, "MCP config is not a valid JSON": no server in it loads'

// `command: z.string().min(1, "Command cannot be empty")` (2.1.332, verified 2026-12-03).
const command = {
  type: 'string',
  allOf: [explain('is empty: Claude Code 2.1.332 skips the server', { minLength: 1 })]
}

const server = serverSchema(
  {
    type: enumOf(['stdio', ...remoteTypes]),
    command,
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
    // Without "type" an entry is stdio: a "url" next to a "command" is unused and the server runs
    // as a local one; a "url" alone is skipped ("has a \"url\" but no \"type\"") (2.1.332,
    // verified 2026-12-03).
    {
      if: { required: ['url'], not: { required: ['command'] } },
      then: explain(
        'a server with "url" needs "type" ("http", "sse" or "ws"): Claude Code 2.1.332 skips it without',
        { required: ['type'] }
      )
    },
    requireForType(
      ['stdio'],
      ['command'],
      'a "stdio" server needs "command": Claude Code 2.1.332 skips it without'
    ),
    requireForType(
      remoteTypes,
      ['url'],
      'a remote server needs "url": Claude Code 2.1.332 skips it without'
    )
  ]
)

export const claudeCode: Platform = {
  role: 'client',
  id: 'claude-code',
  displayName: 'Claude Code',
  checked: '2.1.332, run offline on the differential cases, 2026-12-03',
  // `.claude/mcp.json` is linted only to say that Claude Code never reads it (unreadPaths).
  paths: ['.mcp.json', '.claude/mcp.json'],
  unreadPaths: {
    '.claude/mcp.json': {
      message:
        'Claude Code 2.1.332 does not read .claude/mcp.json: none of these servers load; move them to .mcp.json at the repository root',
      verified
    }
  },
  format: 'json',
  // .mcp.json is parsed as strict JSON: one comment or trailing comma and Claude Code 2.1.332
  // drops the whole file ("MCP config is not a valid JSON"), no server loads (verified 2026-12-03).
  jsonc: {
    comments: { forbidden: 'confirmed', consequence: strictJson },
    trailingCommas: { forbidden: 'confirmed', consequence: strictJson }
  },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'claude-code',
    title: 'Claude Code project MCP servers (.mcp.json)',
    serversKey: 'mcpServers',
    server,
    // Any name loads, "" and dots, spaces or non-ASCII included: tool names replace what is
    // outside [A-Za-z0-9_-] with "_" (tool-naming.ts). Only "__proto__" is refused ("a reserved
    // MCP server name and was not loaded"); "constructor" and "prototype" load (2.1.332,
    // verified 2026-12-03).
    required: true
  }),
  reservedServerNames: { names: ['__proto__'], verified },
  // JSON.parse: a key written twice keeps its last value, mcpServers included (2.1.332, verified
  // 2026-12-03).
  duplicateKeys: { keeps: 'last', verified },
  unknownFields: 'confirmed',
  ignoredFields: {
    cwd: 'Claude Code ignores "cwd": servers start in the directory Claude Code was launched from (anthropics/claude-code#42883)'
  },
  interpolation: {
    certainty: 'confirmed',
    // `$VAR` and `${env:VAR}` are passed on as written and the server loads; an unset `${VAR}`
    // without a default only warns ("Missing environment variables"), the entry still loads
    // (2.1.332, verified 2026-12-03).
    unexpandedStaysLiteral: true,
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
    description: false,
    timeouts: {
      tool: {
        key: 'timeout',
        unit: 'ms',
        source: 'code.claude.com/docs/en/mcp (timeout: milliseconds per tool call)'
      }
    }
  },
  tools: {
    naming: {
      // Claude Code 2.1.332 sends the name once, from the server that connected first (verified
      // 2026-12-03, __tests__/clients/cases/claude-code.ts naming-collision-*).
      expose: eachTool(toolName),
      certainty: 'confirmed',
      clash:
        'Claude Code 2.1.332 sends the name only once (for two servers, from whichever connects first), so the other tool cannot be called',
      why: {
        'too-long': { reason: 'which the Anthropic API rejects', fix: 'shorten the server name' }
      }
    },
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

// Claude Code 2.1.332 (verified against the client 2026-12-03, __tests__/clients/cases/
// claude-code.ts `names-*`, `naming-*`): `mcp__<server>__<tool>`, in both the server name and the
// tool name every UTF-16 unit outside [A-Za-z0-9_-] becomes `_` (an emoji is two). Names are not
// cut: 2.1.332 sends them at any length, though the Anthropic API rejects names over 64
// (anthropics/claude-code#2412, tool_reference #19882). Servers that sanitise to one name share
// its tools: a name two of them produce is sent once, from whichever server connected first.
function toolName(server: string, tool: string): ExposedTool {
  const safeServer = server.replace(/[^A-Za-z0-9_-]/g, '_')
  const safe = tool.replace(/[^A-Za-z0-9_-]/g, '_')
  const exposed = `mcp__${safeServer}__${safe}`
  return changed(
    server,
    tool,
    exposed,
    (safe !== tool || safeServer !== server) && 'sanitized',
    exposed.length > 64 && 'too-long'
  )
}
