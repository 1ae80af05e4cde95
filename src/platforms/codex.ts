import { createHash } from 'node:crypto'
import { changed, colliding, type ExposedTool, type NamingServer } from './tool-naming.js'
import type { Platform } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  forbidden,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.8 (openai/codex codex-rs/config/src/mcp_types.rs and
// config.schema.json; developers.openai.com/codex/mcp). Verified against Codex 0.171.0 on
// 2026-12-03 by the differential suite (__tests__/clients/cases/codex.ts): every wrong type, unknown
// enum value and transport mix-up below makes Codex exit with "Error loading config.toml" (see
// `invalidEntry`); unknown fields are ignored with a warning.
const VERIFIED = 'Codex 0.171.0'
const stdioOnly = ['args', 'env', 'env_vars', 'cwd']
// "scopes" is accepted on stdio servers (Codex 0.171.0, 2026-12-03: fields-scopes-stdio).
const httpOnly = [
  'bearer_token_env_var',
  'http_headers',
  'env_http_headers',
  'http_headers_helper',
  'auth',
  'oauth',
  'oauth_resource'
]

const envVar = explain(
  `${VERIFIED} refuses to start unless each env_vars entry is a variable name or { name = "…", source = "local" or "remote" }`,
  {
    anyOf: [
      string,
      {
        type: 'object',
        properties: { name: string, source: enumOf(['local', 'remote']) },
        required: ['name']
      }
    ]
  }
)

const notWith = (transport: string, fields: readonly string[]) =>
  Object.fromEntries(
    fields.map((field) => [
      field,
      forbidden(
        `${VERIFIED} refuses to start with "${field}" on a ${transport} server ("${field} is not supported for ${transport === 'stdio' ? 'stdio' : 'streamable_http'}")`
      )
    ])
  )

/** Codex's approval modes (AppToolApproval), for the server default and per tool. */
const approvalMode = enumOf(['auto', 'prompt', 'writes', 'approve'])
/** Seconds Codex turns into a Duration: a negative number fails the load. */
const seconds = { type: 'number', minimum: 0 }

const server = serverSchema(
  {
    command: string,
    args: stringArray,
    env: stringMap,
    env_vars: { type: 'array', items: envVar },
    cwd: string,
    url: string,
    bearer_token_env_var: string,
    http_headers: stringMap,
    env_http_headers: stringMap,
    // A shell command printing a JSON object of headers; blank is refused (Codex 0.171.0).
    http_headers_helper: explain(`${VERIFIED} refuses an empty "http_headers_helper"`, {
      type: 'string',
      pattern: '\\S'
    }),
    bearer_token: forbidden(
      `${VERIFIED} refuses to start with an inline "bearer_token": put the token in an environment variable and name it in "bearer_token_env_var"`
    ),
    auth: enumOf(['oauth', 'chatgpt', 'ema_auth']),
    environment_id: string,
    enabled: boolean,
    required: boolean,
    startup_timeout_sec: seconds,
    startup_timeout_ms: { type: 'integer', minimum: 0 },
    startup_readiness: enumOf(['connection', 'catalog']),
    tool_timeout_sec: seconds,
    tool_input_schema_max_bytes: { type: 'integer', minimum: 1 },
    omit_tools_from: { type: 'array', items: enumOf(['code_mode', 'deferred', 'direct']) },
    enabled_tools: stringArray,
    disabled_tools: stringArray,
    default_tools_approval_mode: approvalMode,
    tools: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        properties: {
          approval_mode: approvalMode,
          output_token_limit: { type: 'integer', minimum: 1 }
        }
      }
    },
    supports_parallel_tool_calls: boolean,
    scopes: stringArray,
    oauth: object,
    oauth_resource: string,
    name: string
  },
  [
    requireOneOf(
      ['command', 'url'],
      `a server needs "command" (stdio) or "url" (streamable HTTP): ${VERIFIED} refuses to start without ("invalid transport")`
    ),
    explain(
      `set "command" or "url", not both: ${VERIFIED} refuses to start with both ("url is not supported for stdio")`,
      {
        not: { required: ['command', 'url'] }
      }
    ),
    { if: { required: ['url'] }, then: { properties: notWith('streamable HTTP', stdioOnly) } },
    // Checked when the session starts the server: that server is refused, the others run
    // (Codex 0.171.0, 2026-12-03: fields-env-vars-remote).
    {
      if: {
        not: {
          required: ['environment_id'],
          properties: { environment_id: { not: { const: 'local' } } }
        }
      },
      then: {
        properties: {
          env_vars: {
            items: {
              ...explain(
                `${VERIFIED} refuses to start a local server with an env_vars entry whose source is "remote" ("requires remote MCP stdio")`,
                {
                  not: {
                    type: 'object',
                    required: ['source'],
                    properties: { source: { const: 'remote' } }
                  }
                }
              ),
              'x-refuses': 'server'
            }
          }
        }
      }
    },
    { if: { required: ['command'] }, then: { properties: notWith('stdio', httpOnly) } }
  ]
)

export const codex: Platform = {
  role: 'client',
  id: 'codex',
  displayName: 'Codex',
  checked: '0.171.0, run offline on the differential cases, 2026-12-03',
  paths: ['.codex/config.toml'],
  format: 'toml',
  serversKeys: ['mcp_servers'],
  dedicated: false,
  schema: fileSchema({
    id: 'codex',
    title: 'Codex configuration (.codex/config.toml), MCP part',
    serversKey: 'mcp_servers',
    server,
    // Checked when a session starts: that server is refused, the others run (Codex 0.171.0,
    // 2026-12-03: names-*; codex-rs/codex-mcp rmcp_client "Invalid MCP server name").
    serverName: explain(
      `${VERIFIED} refuses to start a server whose name has characters other than letters, digits, "_", ":", "@", "/", "." and "-"`,
      { type: 'string', pattern: '^[a-zA-Z0-9_:@/.-]+$' }
    ),
    required: false
  }),
  unknownFields: 'confirmed',
  invalidEntry: {
    rejects: 'file',
    consequence: 'Codex 0.171.0 then exits with "Error loading config.toml" and starts no server',
    verified: 'Codex 0.171.0, 2026-12-03 (__tests__/clients/cases/codex.ts types-*, fields-*)'
  },
  ignoredFields: {
    type: 'Codex ignores "type" (Codex 0.171.0 warns "`mcp_servers.<name>.type` is ignored"): it infers the transport from "command" or "url" (and has no SSE)'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Codex 0.171.0 expands no references and starts the server with the text as written (openai/codex#7367): forward the variable with env_vars = ["{name}"], or use bearer_token_env_var / env_http_headers for HTTP',
    // ${VAR}, $VAR and ~ in command, args, cwd and env reach the process as written; the server
    // loads (Codex 0.171.0, 2026-12-03: interpolation-*).
    unexpandedStaysLiteral: true
  },
  // The server inherits Codex's own directory unless "cwd" is set; the path is used as written.
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'openai/codex codex-rs/rmcp-client/src/stdio_server_launcher.rs (current_dir only when cwd is set), codex-rs/config/src/mcp_types.rs (cwd: Option<PathBuf>); openai/codex#7367 (no expansion)',
    verified:
      'openai/codex main: stdio_server_launcher.rs @ 6e1452d0, mcp_types.rs @ 00b17c26 (read 2026-12-03); Codex 0.171.0 run 2026-12-03: no expansion of ${VAR}, $VAR or ~ (__tests__/clients/cases/codex.ts interpolation-*)'
  },
  translation: {
    transports: ['stdio', 'http'],
    urlKey: 'url',
    urlKeys: { url: 'http' },
    typeValues: {},
    readTypes: {},
    cwd: true,
    headers: true,
    disabled: { key: 'enabled', whenDisabled: false },
    references: 'env-vars',
    description: false,
    timeouts: {
      tool: {
        key: 'tool_timeout_sec',
        unit: 's',
        source: 'openai/codex docs/config.md (tool_timeout_sec, default 60)'
      },
      startup: {
        key: 'startup_timeout_sec',
        unit: 's',
        source: 'openai/codex docs/config.md (startup_timeout_sec, default 10)'
      }
    }
  },
  tools: {
    naming: {
      expose: exposeTools,
      certainty: 'confirmed',
      clash: 'Codex cannot tell them apart'
    },
    // An empty enabled_tools exposes no tools; omit_tools_from = ["direct"] leaves the server's
    // tools out of the request `codex exec` sends (Codex 0.171.0, 2026-12-03: allow-lists-*,
    // fields-omit-tools-direct).
    filters: {
      allow: 'enabled_tools',
      deny: 'disabled_tools',
      omit: { field: 'omit_tools_from', value: 'direct' }
    },
    limits: {
      error: {
        value: 128,
        source: 'OpenAI API: at most 128 tools per request (no Codex cap found)',
        checked: '2026-08-22'
      },
      certainty: 'unconfirmed',
      consequence: 'the OpenAI API rejects requests with more than 128 tools'
    }
  },
  aliases: ['codexcli', 'openai-codex'],
  reference: 'https://developers.openai.com/codex/mcp'
}

// Codex 0.171.0 (verified against the client 2026-12-03, __tests__/clients/cases/codex.ts
// `naming-*`; source: openai/codex codex-rs/codex-mcp/src/tools.rs
// normalize_tools_for_model_with_prefix). Each server's tools go to the model as one Responses API
// namespace `mcp__<server>` holding the tools under their own names; flattened with Codex's `__`
// delimiter, the model sees `mcp__<server>__<tool>`.
// - Server and tool names keep [A-Za-z0-9_]; any other character becomes `_`. A sanitized server
//   name that already starts with `mcp__` gets no second prefix.
// - A namespace only gets a hash when two servers clean up to the same one: each then ends in
//   `_` + the first 12 hex digits of SHA-1("<server>\0<server>\0"). Likewise two tools of one
//   namespace that clean up to the same name both get `_` + SHA-1("<server>\0<server>\0\0<tool>\0<tool>").
// - A server listing the same tool twice contributes it once.
// - Last, in the order of those identities, a name whose namespace and tool joined without the
//   delimiter was already handed out (`a` + `bc`, `ab` + `c`) gets the tool's hash too.
// - No length cap: 0.171.0 sends namespaces and tool names longer than 64 characters unchanged.
const codexPrefix = 'mcp__'

function exposeTools(servers: readonly NamingServer[]): ExposedTool[] {
  const sanitize = (name: string) => name.replace(/[^A-Za-z0-9_]/gu, '_') || '_'
  const hash = (input: string) => `_${createHash('sha1').update(input).digest('hex').slice(0, 12)}`
  const seen = new Set<string>()
  const candidates = servers.flatMap((server) => {
    const clean = sanitize(server.name)
    const namespace = clean.startsWith(codexPrefix) ? clean : `${codexPrefix}${clean}`
    const namespaceIdentity = `${server.name}\u0000${server.name}\u0000`
    return server.tools.flatMap((tool) => {
      const identity = `${namespaceIdentity}\u0000${tool}\u0000${tool}`
      if (seen.has(identity)) return []
      seen.add(identity)
      const name = sanitize(tool)
      return [
        { server: server.name, tool, namespaceIdentity, identity, namespace, name, hashed: false }
      ]
    })
  })
  const hashedNamespaces = colliding(
    candidates,
    (c) => c.namespace,
    (c) => c.namespaceIdentity
  )
  for (const candidate of candidates) {
    if (!hashedNamespaces.has(candidate.namespace)) continue
    candidate.namespace += hash(candidate.namespaceIdentity)
    candidate.hashed = true
  }
  const hashedNames = colliding(
    candidates,
    (c) => `${c.namespace}\u0000${c.name}`,
    (c) => c.identity
  )
  for (const candidate of candidates) {
    if (!hashedNames.has(`${candidate.namespace}\u0000${candidate.name}`)) continue
    candidate.name += hash(candidate.identity)
    candidate.hashed = true
  }
  const used = new Set<string>()
  const exposed = new Map<string, string>()
  const ordered = [...candidates].sort((a, b) =>
    Buffer.compare(Buffer.from(a.identity), Buffer.from(b.identity))
  )
  for (const candidate of ordered) {
    let name = candidate.name
    for (let attempt = 0; used.has(candidate.namespace + name); attempt++) {
      name =
        candidate.name +
        hash(attempt === 0 ? candidate.identity : `${candidate.identity}\u0000${String(attempt)}`)
      candidate.hashed = true
    }
    used.add(candidate.namespace + name)
    exposed.set(candidate.identity, `${candidate.namespace}__${name}`)
  }
  return candidates.map((candidate) => {
    const name = exposed.get(candidate.identity) ?? ''
    return changed(
      candidate.server,
      candidate.tool,
      name,
      sanitize(candidate.tool) !== candidate.tool && 'sanitized',
      candidate.hashed && 'hashed'
    )
  })
}
