import type { Platform } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  integer,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'
import { changed, eachTool } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §6, read in charmbracelet/crush @ 37f36e93
// (2026-08-21): internal/config/config.go (MCPConfig), internal/config/load.go (lookupConfigs,
// loadFromConfigPaths: json.Valid, then json.Unmarshal of the merged files),
// internal/agent/tools/mcp/init.go (createTransport), tools.go (filterTools), mcp-tools.go (Name).
const VERIFIED = 'Crush @ 37f36e93 (source read 2026-12-03)'
const NO_CONFIG = 'Crush fails to load its configuration and does not start'

const nonEmpty = (what: string) =>
  explain(`is empty: Crush refuses to start the server ("requires a non-empty '${what}'")`, {
    type: 'string',
    minLength: 1
  })

const server = serverSchema(
  {
    // No runtime default: without "type" createTransport fails with "unsupported mcp type".
    type: enumOf(['stdio', 'sse', 'http']),
    command: string,
    args: stringArray,
    env: stringMap,
    url: string,
    headers: stringMap,
    disabled: boolean,
    disabled_tools: stringArray,
    enabled_tools: stringArray,
    // Seconds; default 10 (30 with OAuth).
    timeout: integer,
    oauth: boolean,
    oauth_client_id: string,
    oauth_client_secret: string,
    oauth_callback_port: integer
  },
  [
    explain(
      'a server needs "type" ("stdio", "http" or "sse"): Crush has no default and refuses to start it ("unsupported mcp type")',
      { required: ['type'] }
    ),
    {
      if: { required: ['type'], properties: { type: { const: 'stdio' } } },
      then: { required: ['command'], properties: { command: nonEmpty('command') } }
    },
    {
      if: { required: ['type'], properties: { type: { enum: ['http', 'sse'] } } },
      then: { required: ['url'], properties: { url: nonEmpty('url') } }
    }
  ]
)

export const crush: Platform = {
  role: 'client',
  id: 'crush',
  displayName: 'Crush',
  checked: 'source @ 37f36e93 (2026-08-21), read 2026-12-03',
  // Per directory, from the working directory up to the git root, `.crush.json` wins over
  // `crush.json` (written by sync, the common name); `.crush/crush.json` (the
  // workspace data file) is merged last and wins. `.crushrc`/`crushrc` are shell scripts.
  paths: ['crush.json', '.crush.json', '.crush/crush.json'],
  format: 'json',
  // json.Valid fails the whole load: "invalid JSON in config file".
  jsonc: {
    comments: { forbidden: 'confirmed', consequence: NO_CONFIG },
    trailingCommas: { forbidden: 'confirmed', consequence: NO_CONFIG }
  },
  serversKeys: ['mcp'],
  dedicated: false,
  schema: fileSchema({
    id: 'crush',
    title: 'Crush configuration (crush.json), MCP part',
    serversKey: 'mcp',
    server,
    required: false
  }),
  // json.Unmarshal into Config: a value of the wrong type fails the whole configuration.
  invalidEntry: { rejects: 'file', consequence: NO_CONFIG, verified: VERIFIED },
  unknownFields: 'confirmed',
  ignoredFields: {},
  // Shell expansion (internal/shell/expand.go) of command, args, env values, url and headers
  // when the server starts: `$VAR`, `${VAR}`, `${VAR:-default}` and `$(command)`; an unset
  // variable becomes "".
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace', 'brace-default', 'bare'],
    prefixes: [],
    variables: [],
    fields: ['command', 'args', 'env', 'url', 'headers'],
    preferred: 'brace',
    commandSubstitution: { verified: VERIFIED }
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: true,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'unconfirmed' },
    source:
      'charmbracelet/crush internal/agent/tools/mcp/init.go (createTransport: home.Long on the command, no working directory set)',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { stdio: 'stdio', http: 'http', sse: 'sse' },
    readTypes: { stdio: 'stdio', http: 'http', sse: 'sse' },
    cwd: false,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'brace',
    description: false
  },
  tools: {
    naming: {
      // mcp-tools.go Name(): fmt.Sprintf("mcp_%s_%s", server, tool), nothing replaced or cut.
      expose: eachTool((server, tool) => changed(server, tool, `mcp_${server}_${tool}`)),
      certainty: 'confirmed',
      clash: 'the model cannot tell which one it calls'
    },
    // filterTools: the allow-list first, then the deny-list, both on raw tool names.
    filters: { allow: 'enabled_tools', deny: 'disabled_tools' }
  },
  aliases: ['charm', 'charm-crush', 'crush-cli'],
  reference: 'https://github.com/charmbracelet/crush#mcps'
}
