import { server, serverName } from './codex-schema.js'
import { exposeTools } from './codex-tool-naming.js'
import type { Platform } from './platform.js'
import { fileSchema } from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.8 (openai/codex codex-rs/config/src/mcp_types.rs and
// config.schema.json; developers.openai.com/codex/mcp). Verified against Codex 0.171.0 on
// 2026-12-03 by the differential suite (__tests__/clients/cases/codex.ts): every wrong type, unknown
// enum value and transport mix-up in the server schema (codex-schema.ts) makes Codex exit with
// "Error loading config.toml" (see `invalidEntry`); unknown fields are ignored with a warning. The
// tool-naming formula, with its own sources, is in codex-tool-naming.ts.
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
    serverName,
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
