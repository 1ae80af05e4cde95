import type { Platform } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  object,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'
import { changed, eachTool } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §8, and mistralai/mistral-vibe @ ac8f1a09 (v2.18.4) read
// 2026-12-03: vibe/core/config/models.py (MCPStdio, MCPHttp, MCPStreamableHttp, the `name`
// normaliser), _settings.py (TomlFileSettingsSource, _validate_mcp_server_uniqueness),
// harness_files/_harness_manager.py (./.vibe/config.toml in a trusted folder, else the user file;
// never merged), tools/mcp/tools.py (argv: shlex.split or list, then args; published names), and
// tools/manager.py (disabled, disabled_tools). Vibe is a Python program (PyPI is out of reach
// here), so it was not run: the models and the uniqueness check were copied and run with pydantic
// 2.13.4 (Vibe pins 2.13.3) for the validation messages.
const VERIFIED =
  'Mistral Vibe 2.18.4 source @ ac8f1a09 (read 2026-12-03; its models run with pydantic)'
const REFUSED =
  'Mistral Vibe 2.18.4 refuses the whole configuration ("Invalid configuration") and does not start'

/** Vibe's `name` validator: `re.sub(r"[^a-zA-Z0-9_-]", "_", v).strip("_-")[:256]`. */
export function vibeServerName(name: string): string {
  return name
    .replace(/[^a-zA-Z0-9_-]/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '')
    .slice(0, 256)
}

const seconds = explain(`must be a number of seconds above 0: ${REFUSED}`, {
  type: 'number',
  exclusiveMinimum: 0
})

const server = serverSchema(
  {
    name: string,
    transport: explain(
      `must be "stdio", "http" or "streamable-http" (Mistral Vibe has no SSE): ${REFUSED}`,
      enumOf(['stdio', 'http', 'streamable-http'])
    ),
    command: explain(`must be a string or an array of strings: ${REFUSED}`, {
      anyOf: [string, stringArray]
    }),
    args: stringArray,
    env: stringMap,
    cwd: string,
    url: string,
    // HTTP only; moved into a static `auth` block, which may not be written beside them.
    headers: stringMap,
    api_key_env: string,
    api_key_header: string,
    api_key_format: string,
    auth: object,
    prompt: string,
    startup_timeout_sec: seconds,
    tool_timeout_sec: seconds,
    sampling_enabled: boolean,
    disabled: boolean,
    disabled_tools: stringArray
  },
  [
    explain(`a server needs "name": ${REFUSED}`, { required: ['name'] }),
    explain(
      `a server needs "transport" ("stdio", "http" or "streamable-http"): Vibe has no default, and ${REFUSED}`,
      { required: ['transport'] }
    ),
    {
      if: { required: ['transport'], properties: { transport: { const: 'stdio' } } },
      then: explain(`a "stdio" server needs "command": ${REFUSED}`, { required: ['command'] })
    },
    {
      if: {
        required: ['transport'],
        properties: { transport: { enum: ['http', 'streamable-http'] } }
      },
      then: explain(`an "http" server needs "url": ${REFUSED}`, { required: ['url'] })
    }
  ]
)

export const mistralVibe: Platform = {
  role: 'client',
  id: 'mistral-vibe',
  displayName: 'Mistral Vibe',
  checked: '2.18.4 source @ ac8f1a09, read 2026-12-03 (not run)',
  // Read from the directory Vibe starts in (no walk up), and only once the folder is trusted; it
  // then replaces the user's ~/.vibe/config.toml entirely.
  paths: ['.vibe/config.toml'],
  format: 'toml',
  serversKeys: ['mcp_servers'],
  serverList: {
    nameKey: 'name',
    unique: {
      key: vibeServerName,
      refuses: 'file',
      consequence: REFUSED,
      verified: VERIFIED
    }
  },
  dedicated: false,
  schema: fileSchema({
    id: 'mistral-vibe',
    title: 'Mistral Vibe configuration (.vibe/config.toml), MCP part',
    serversKey: 'mcp_servers',
    server,
    list: true,
    required: false
  }),
  // One server that breaks its model (a missing field, a wrong type or transport) fails the
  // validation of the whole configuration.
  invalidEntry: { rejects: 'file', consequence: REFUSED, verified: VERIFIED },
  // pydantic's default extra="ignore": unknown server fields are dropped without a word.
  unknownFields: 'confirmed',
  ignoredFields: {
    type: 'Mistral Vibe reads "transport", not "type"',
    enabled_tools:
      'Mistral Vibe has no per-server "enabled_tools": hide tools with "disabled_tools", or list published names in the top-level enabled_tools'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    // The MCP SDK starts a stdio server with only HOME, LOGNAME, PATH, SHELL, TERM and USER from
    // Vibe's environment, plus "env": a variable cannot be forwarded by leaving it out.
    advice:
      'Mistral Vibe expands no references, and a stdio server gets only HOME, PATH, SHELL, TERM, USER and LOGNAME from its environment besides "env": have the server read {name} itself, from a file outside the repository, or for HTTP name the variable in "api_key_env"',
    secretAdvice:
      'move it out of the repository: Mistral Vibe expands no references, so an HTTP server should name the variable in "api_key_env", and a stdio server read the value from a file of its own',
    unexpandedStaysLiteral: true
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    // cwd is passed to the process as written, so a relative one is against Vibe's own directory,
    // the project.
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'mistralai/mistral-vibe vibe/core/tools/mcp/tools.py (StdioServerParameters with command, args, env, cwd as written)',
    verified: VERIFIED
  },
  translation: {
    typeRequired: true,
    transports: ['stdio', 'http'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeKey: 'transport',
    typeValues: { stdio: 'stdio', http: 'http' },
    readTypes: { stdio: 'stdio', http: 'http', 'streamable-http': 'http' },
    cwd: true,
    headers: true,
    // A disabled server still starts; its tools are hidden from the model.
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'none',
    description: false,
    commandLine: true,
    timeouts: {
      tool: {
        key: 'tool_timeout_sec',
        unit: 's',
        source:
          'mistralai/mistral-vibe vibe/core/config/models.py v2.18.4 (tool_timeout_sec, default 60)'
      },
      startup: {
        key: 'startup_timeout_sec',
        unit: 's',
        source:
          'mistralai/mistral-vibe vibe/core/config/models.py v2.18.4 (startup_timeout_sec, default 10)'
      }
    }
  },
  tools: {
    naming: {
      // tools.py: f"{alias}_{remote.name}", the alias being the normalised server name; the tool
      // name is not sanitised and nothing caps the length.
      expose: eachTool((server, tool) => {
        const exposed = `${vibeServerName(server)}_${tool}`
        return changed(server, tool, exposed, exposed !== `${server}_${tool}` && 'sanitized')
      }),
      certainty: 'confirmed',
      clash: 'Mistral Vibe keeps the tool registered last and drops the other without a word'
    },
    filters: { deny: 'disabled_tools' }
  },
  aliases: ['vibe', 'mistral'],
  reference: 'https://github.com/mistralai/mistral-vibe#mcp-server-configuration'
}
