import type { Platform } from './platform.js'
import {
  boolean,
  enumOf,
  fileSchema,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'
import { changed, eachTool } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §4, and Kilo-Org/kilocode
// packages/opencode/src/kilocode/mcp-migrator.ts @ 1e49e857 (read 2026-12-03). `.kilocode/mcp.json`
// is the legacy VS Code extension's project file (a Roo Code fork); current Kilo Code (the
// extension and the `kilo` CLI, built on OpenCode) still reads it and converts each entry:
// "streamable-http" and "sse" entries become remote servers and need "url"; every other entry
// becomes a local one and needs "command", so a "url" without "type" (SSE in the legacy
// extension) or "type": "http" is skipped with only a log line. "disabled" becomes
// "enabled": false; "alwaysAllow" is dropped with a warning, other fields silently.
const VERIFIED = 'Kilo Code mcp-migrator.ts @ 1e49e857 (source read 2026-12-03)'
const SKIPPED = 'Kilo Code skips the server when it imports .kilocode/mcp.json'

const server = serverSchema(
  {
    type: enumOf(['stdio', 'streamable-http', 'sse']),
    command: string,
    args: stringArray,
    env: stringMap,
    url: string,
    headers: stringMap,
    // The legacy extension's auto-approval: server-insecure judges it; the importer drops it.
    alwaysAllow: stringArray,
    disabled: boolean
  },
  [
    {
      if: { required: ['type'], properties: { type: { enum: ['streamable-http', 'sse'] } } },
      then: {
        'x-message': `a remote server needs "url": ${SKIPPED}`,
        required: ['url']
      },
      else: {
        'x-message': `a server needs "command", or "type": "streamable-http" (or "sse") with "url": ${SKIPPED}`,
        required: ['command']
      }
    }
  ]
)

export const kiloCode: Platform = {
  role: 'client',
  id: 'kilo-code',
  displayName: 'Kilo Code',
  checked: 'importer source @ 1e49e857, read 2026-12-03',
  // Kilo imports both; .kilo/mcp.json wins on a name both have (Kilo CLI 7.7.7, 2026-12-03).
  paths: ['.kilocode/mcp.json', '.kilo/mcp.json'],
  format: 'json',
  // JSON.parse: a file that does not parse is skipped with a log line.
  jsonc: {
    comments: {
      forbidden: 'confirmed',
      consequence: 'Kilo Code skips the whole file when it imports it'
    },
    trailingCommas: {
      forbidden: 'confirmed',
      consequence: 'Kilo Code skips the whole file when it imports it'
    }
  },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'kilo-code',
    title: 'Kilo Code project MCP servers (.kilocode/mcp.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'confirmed',
  ignoredFields: {
    cwd: 'Kilo Code does not import "cwd": the server starts in the project directory',
    disabledTools:
      'Kilo Code does not import "disabledTools": deny the tools in Kilo\'s permission settings',
    watchPaths: 'Kilo Code does not import "watchPaths"',
    timeout: 'Kilo Code does not import "timeout"'
  },
  // The migrator substitutes nothing: `${env:VAR}` (the legacy extension's syntax) reaches the
  // server as written. Kilo refuses its own `{env:VAR}` in project files (kilo.ts).
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Kilo Code passes this file\'s values on as written: leave {name} out of "env" so the server inherits it from the environment Kilo starts from',
    unexpandedStaysLiteral: true
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
    source: 'Kilo-Org/kilocode packages/opencode/src/kilocode/mcp-migrator.ts (convertServer)',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'streamable-http', sse: 'sse' },
    readTypes: { stdio: 'stdio', 'streamable-http': 'http', sse: 'sse' },
    cwd: false,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'none',
    description: false
  },
  tools: {
    naming: {
      // OpenCode's `<server>_<tool>`, each part with [^a-zA-Z0-9_-] replaced by "_"; Kilo's own
      // mcp/index.ts was not re-read.
      expose: eachTool((server, tool) => {
        const exposed = `${server.replace(/[^a-zA-Z0-9_-]/g, '_')}_${tool.replace(/[^a-zA-Z0-9_-]/g, '_')}`
        return changed(server, tool, exposed, exposed !== `${server}_${tool}` && 'sanitized')
      }),
      certainty: 'unconfirmed',
      clash: 'the tool registered last replaces the other'
    }
  },
  aliases: ['kilocode'],
  reference: 'https://kilo.ai/docs/automate/mcp/using-in-kilo-code'
}
