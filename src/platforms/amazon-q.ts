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
import { changed, type ExposedTool, type NamingServer } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §7, read in aws/amazon-q-developer-cli @ 15cc8f3c
// (2026-04-23): crates/chat-cli/src/cli/agent/mcp_config.rs (load_from_file),
// cli/chat/tools/custom_tool.rs (CustomToolConfig), mcp_client/client.rs (substitute_env_vars,
// shellexpand of the command), cli/chat/tool_manager.rs (sanitize_name, process_tool_specs).
const VERIFIED = 'Amazon Q Developer CLI @ 15cc8f3c (source read 2026-12-03)'
// `serde_json::from_value` turns the whole server map into HashMap<String, CustomToolConfig>: one
// entry of the wrong shape fails the map, and load_legacy_mcp_config only logs the error.
const DROPS_FILE =
  'Amazon Q Developer CLI drops every server in this file (the error is only logged)'
const UNPARSED = 'Amazon Q Developer CLI cannot parse the file and loads none of its servers'

const server = serverSchema(
  {
    // TransportType { Stdio, Http }, camelCase: "sse" or any other value fails the file.
    type: enumOf(['stdio', 'http']),
    command: string,
    args: stringArray,
    env: stringMap,
    url: string,
    headers: stringMap,
    oauthScopes: stringArray,
    oauth: { type: 'object', properties: { redirectUri: string } },
    // u64, milliseconds per request (default 120000).
    timeout: { type: 'integer', minimum: 0 },
    disabled: boolean
  },
  [
    // `type` defaults to stdio. client.rs refuses an empty command or url ("MCP config is
    // malformed") when it starts the server, so a disabled one may leave them empty; serde fills
    // a missing one with "" (not a file error).
    {
      if: { required: ['disabled'], properties: { disabled: { const: true } } },
      else: {
        if: { required: ['type'], properties: { type: { const: 'http' } } },
        then: startable('url', 'an "http" server needs "url"'),
        // Any other "type" fails the file (the enum above), so only a local one needs "command".
        else: {
          if: { required: ['type'], not: { properties: { type: { const: 'stdio' } } } },
          else: startable(
            'command',
            'a server without "type": "http" is a local one and needs "command"'
          )
        }
      }
    }
  ]
)

/** A field the server needs to start: present and not empty; the client refuses only that server. */
function startable(field: string, what: string) {
  const message = `${what}: Amazon Q Developer CLI refuses to start it ("MCP config is malformed")`
  const refuses = { 'x-message': message, 'x-refuses': 'server' }
  return { ...refuses, required: [field], properties: { [field]: { ...refuses, minLength: 1 } } }
}

export const amazonQ: Platform = {
  role: 'client',
  id: 'amazon-q',
  displayName: 'Amazon Q Developer CLI',
  checked: 'source @ 15cc8f3c (2026-04-23), read 2026-12-03',
  // The workspace file is read from the directory `q` runs in, no walk upwards (util/paths.rs).
  paths: ['.amazonq/mcp.json'],
  format: 'json',
  // serde_json: a comment or trailing comma fails the file, which is logged and skipped.
  jsonc: {
    comments: { forbidden: 'confirmed', consequence: UNPARSED },
    trailingCommas: { forbidden: 'confirmed', consequence: UNPARSED }
  },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'amazon-q',
    title: 'Amazon Q Developer CLI workspace MCP servers (.amazonq/mcp.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  invalidEntry: { rejects: 'file', consequence: DROPS_FILE, verified: VERIFIED },
  // No deny_unknown_fields on CustomToolConfig.
  unknownFields: 'confirmed',
  ignoredFields: {},
  // `${env:VAR}` in env values and headers only; an unset one is passed on as `${VAR}`.
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: ['env'],
    variables: [],
    fields: ['env', 'headers'],
    preferred: 'env-prefix',
    unexpandedStaysLiteral: true
  },
  launch: {
    variables: {},
    prompted: [],
    // The command goes through shellexpand: `~` and `$VAR` there.
    tilde: true,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'unconfirmed' },
    source:
      'aws/amazon-q-developer-cli crates/chat-cli/src/mcp_client/client.rs (shellexpand::full_with_context of the command, no cwd set on the child), crates/chat-cli/src/util/paths.rs (workspace file under the current directory)',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio', 'http'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'http' },
    readTypes: { stdio: 'stdio', http: 'http' },
    cwd: false,
    headers: true,
    disabled: { key: 'disabled', whenDisabled: true },
    references: 'env-prefix',
    description: false,
    timeouts: {
      tool: {
        key: 'timeout',
        unit: 'ms',
        source:
          'aws/amazon-q-developer-cli crates/chat-cli/src/cli/chat/tools/custom_tool.rs CustomToolConfig (timeout: ms per request, default 120000)'
      }
    }
  },
  tools: {
    naming: {
      expose: exposeTools,
      certainty: 'confirmed',
      clash:
        'Amazon Q Developer CLI refuses the tool of the server that loads later ("conflict with existing tools"), unless an agent file renames one with toolAliases',
      why: {
        dropped: {
          reason: 'because their names are longer than 64 characters',
          fix: 'rename them with toolAliases in an agent file'
        }
      }
    }
  },
  aliases: ['amazonq', 'q', 'q-cli', 'amazon-q-cli'],
  reference:
    'https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/command-line-mcp-configuration.html'
}

// tool_manager.rs: the model sees the raw tool name when it matches ^[a-zA-Z][a-zA-Z0-9_]*$ and
// holds no "___" (the namespace delimiter); otherwise every other character is deleted, "___"
// removed, and an "a" put in front of a name that does not start with a letter ("a" and three
// digits of a hash when nothing is left). Within a server, a name taken already gets "1"
// appended until it is free; a name over 64 characters is refused.
function exposeTools(servers: readonly NamingServer[]): ExposedTool[] {
  return servers.flatMap((server) => {
    const taken = new Set<string>()
    return server.tools.map((tool) => {
      const clean = sanitize(tool)
      let name = clean
      while (taken.has(name)) name += '1'
      taken.add(name)
      if (name.length > 64) return changed(server.name, tool, undefined, 'dropped')
      return changed(
        server.name,
        tool,
        name,
        clean !== tool && 'sanitized',
        name !== clean && 'renamed'
      )
    })
  })
}

function sanitize(name: string): string {
  if (/^[a-zA-Z][a-zA-Z0-9_]*$/.test(name) && !name.includes('___')) return name
  const kept = name.replace(/[^A-Za-z0-9_]/g, '').replaceAll('___', '')
  if (kept === '')
    return `a${String(sipHash13(new TextEncoder().encode(name)) % 1000n).padStart(3, '0')}`
  return /^[A-Za-z]/.test(kept) ? kept : `a${kept}`
}

/** Rust's DefaultHasher (SipHash-1-3, zero keys) over raw bytes, as `hasher.write(bytes)` feeds it. */
function sipHash13(bytes: Uint8Array): bigint {
  const mask = (1n << 64n) - 1n
  const rotl = (x: bigint, b: bigint) => ((x << b) | (x >> (64n - b))) & mask
  let v0 = 0x736f6d6570736575n
  let v1 = 0x646f72616e646f6dn
  let v2 = 0x6c7967656e657261n
  let v3 = 0x7465646279746573n
  const round = () => {
    v0 = (v0 + v1) & mask
    v1 = rotl(v1, 13n) ^ v0
    v0 = rotl(v0, 32n)
    v2 = (v2 + v3) & mask
    v3 = rotl(v3, 16n) ^ v2
    v0 = (v0 + v3) & mask
    v3 = rotl(v3, 21n) ^ v0
    v2 = (v2 + v1) & mask
    v1 = rotl(v1, 17n) ^ v2
    v2 = rotl(v2, 32n)
  }
  const full = bytes.length - (bytes.length % 8)
  const word = (at: number, length: number) => {
    let m = 0n
    for (let i = length - 1; i >= 0; i--) m = (m << 8n) | BigInt(bytes[at + i] ?? 0)
    return m
  }
  for (let at = 0; at < full; at += 8) {
    const m = word(at, 8)
    v3 ^= m
    round()
    v0 ^= m
  }
  const last = (BigInt(bytes.length & 0xff) << 56n) | word(full, bytes.length - full)
  v3 ^= last
  round()
  v0 ^= last
  v2 ^= 0xffn
  round()
  round()
  round()
  return (v0 ^ v1 ^ v2 ^ v3) & mask
}
