import type { Platform } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  forbidden,
  integer,
  number,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.8 (openai/codex codex-rs/config/src/mcp_types.rs and
// config.schema.json; developers.openai.com/codex/mcp).
const stdioOnly = ['args', 'env', 'env_vars', 'cwd']
const httpOnly = [
  'bearer_token_env_var',
  'http_headers',
  'env_http_headers',
  'scopes',
  'oauth',
  'oauth_resource'
]

const envVar = {
  anyOf: [
    string,
    {
      type: 'object',
      properties: { name: string, source: enumOf(['local', 'remote']) },
      required: ['name']
    }
  ]
}

const notWith = (transport: string, fields: readonly string[]) =>
  Object.fromEntries(
    fields.map((field) => [
      field,
      forbidden(`Codex does not support "${field}" for ${transport} servers`)
    ])
  )

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
    bearer_token: forbidden(
      'Codex rejects an inline "bearer_token": put the token in an environment variable and name it in "bearer_token_env_var"'
    ),
    enabled: boolean,
    required: boolean,
    startup_timeout_sec: number,
    startup_timeout_ms: integer,
    tool_timeout_sec: number,
    enabled_tools: stringArray,
    disabled_tools: stringArray,
    default_tools_approval_mode: string,
    tools: {
      type: 'object',
      additionalProperties: { type: 'object', properties: { approval_mode: string } }
    },
    supports_parallel_tool_calls: boolean,
    experimental_environment: string,
    scopes: stringArray,
    oauth: object,
    oauth_resource: string,
    name: string
  },
  [
    requireOneOf(['command', 'url'], 'a server needs "command" (stdio) or "url" (streamable HTTP)'),
    explain(
      'set "command" or "url", not both: Codex infers the transport from which one is present',
      {
        not: { required: ['command', 'url'] }
      }
    ),
    { if: { required: ['url'] }, then: { properties: notWith('streamable HTTP', stdioOnly) } },
    { if: { required: ['command'] }, then: { properties: notWith('stdio', httpOnly) } }
  ]
)

export const codex: Platform = {
  id: 'codex',
  displayName: 'Codex',
  paths: ['.codex/config.toml'],
  format: 'toml',
  serversKeys: ['mcp_servers'],
  dedicated: false,
  schema: fileSchema({
    id: 'codex',
    title: 'Codex configuration (.codex/config.toml), MCP part',
    serversKey: 'mcp_servers',
    server,
    required: false
  }),
  unknownFields: 'confirmed',
  ignoredFields: {
    type: 'Codex ignores "type": it infers the transport from "command" or "url" (and has no SSE)'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Codex expands no references (openai/codex#7367): forward the variable with env_vars = ["{name}"], or use bearer_token_env_var / env_http_headers for HTTP'
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
      'openai/codex main: stdio_server_launcher.rs @ 6e1452d0, mcp_types.rs @ 00b17c26 (read 2026-12-03)'
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
    references: 'codex',
    description: false
  },
  tools: {
    naming: { scheme: 'codex', certainty: 'confirmed' },
    filters: { allow: 'enabled_tools', deny: 'disabled_tools' },
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
