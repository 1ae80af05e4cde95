import { everyTypeSpelling, type Platform } from './platform.js'
import {
  boolean,
  enumOf,
  fileSchema,
  number,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'
import { changed, eachTool, type ExposedTool } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §2, and what Qwen Code 0.24.4 (@qwen-code/qwen-code)
// did offline here on 2026-12-03 (`qwen mcp list`, `qwen -p` against a fake OpenAI API): files,
// comments, trailing commas, interpolation, bad entries, disabling, server names, tool names.
// Qwen Code forked Gemini CLI; server fields follow Gemini CLI's.
const VERIFIED = 'Qwen Code 0.24.4 (run offline 2026-12-03)'

const server = serverSchema(
  {
    command: string,
    args: stringArray,
    env: stringMap,
    cwd: string,
    url: string,
    httpUrl: string,
    headers: stringMap,
    tcp: string,
    type: enumOf(['sse', 'http', 'stdio']),
    timeout: number,
    trust: boolean,
    description: string,
    includeTools: stringArray,
    excludeTools: stringArray,
    oauth: object
  },
  [
    requireOneOf(
      ['command', 'url', 'httpUrl'],
      'a server needs "command" (local), "url" or "httpUrl" (remote)'
    )
  ]
)

export const qwenCode: Platform = {
  role: 'client',
  id: 'qwen-code',
  displayName: 'Qwen Code',
  checked: '0.24.4, run offline, 2026-12-03',
  // Qwen Code 0.24.4 also reads `.mcp.json` in the working directory; mcp-lint reads that file as
  // Claude Code's. Workspace settings are ignored in an untrusted folder when folder trust is on
  // (off by default), and project servers start only after `qwen mcp approve`.
  paths: ['.qwen/settings.json'],
  format: 'json',
  jsonc: {
    comments: 'allowed',
    // 0.24.4 moves a file it cannot parse to settings.json.corrupted and writes "{}" in its place.
    trailingCommas: {
      forbidden: 'confirmed',
      consequence:
        'Qwen Code 0.24.4 moves the file to settings.json.corrupted and replaces it with {}: no server loads and every other setting in it is lost'
    }
  },
  serversKeys: ['mcpServers'],
  dedicated: false,
  schema: fileSchema({
    id: 'qwen-code',
    title: 'Qwen Code settings (.qwen/settings.json), MCP part',
    serversKey: 'mcpServers',
    server,
    required: false,
    // mcp.allowed, mcp.excluded, mcp.serverCommand: settings, not a server map.
    extraProperties: { mcp: object }
  }),
  unknownFields: 'confirmed',
  ignoredFields: {
    disabled:
      'Qwen Code 0.24.4 ignores "disabled" and starts the server: list it in "mcp.excluded" instead',
    enabled:
      'Qwen Code 0.24.4 ignores "enabled" and starts the server: list it in "mcp.excluded" instead'
  },
  // envVarResolver: `$VAR` and `${VAR}` anywhere in the settings; an unset one stays as written,
  // and `${VAR:-default}` is looked up as a variable named "VAR:-default".
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace', 'bare'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'brace',
    unexpandedStaysLiteral: true
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'Qwen Code 0.24.4 run offline: servers start in the directory qwen runs in, which holds .qwen/settings.json',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined, httpUrl: 'http' },
    typeValues: { http: 'http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: true,
    headers: true,
    references: 'brace',
    description: true,
    timeouts: {
      tool: {
        key: 'timeout',
        unit: 'ms',
        source: 'QwenLM/qwen-code, a Gemini CLI fork: timeout in milliseconds per request'
      }
    }
  },
  tools: {
    naming: {
      expose: eachTool(toolName),
      certainty: 'confirmed',
      clash: 'the model cannot tell which one it calls'
    },
    filters: { allow: 'includeTools', deny: 'excludeTools' },
    servers: {
      allow: ['mcp', 'allowed'],
      deny: ['mcp', 'excluded'],
      verified: `${VERIFIED}: mcp.excluded stops a server; mcp.allowed as in Gemini CLI`
    }
  },
  aliases: ['qwen', 'qwencode'],
  reference: 'https://qwenlm.github.io/qwen-code-docs/en/tools/mcp-server/'
}

// normalizeToolNameForProvider (packages/core, tool-name utils): `mcp__<server>__<tool>` as it is
// when it fits 63 characters of ^[A-Za-z][A-Za-z0-9_-]*$; otherwise other characters become "_"
// and the name is cut to fit "_" and a 7-character FNV-1a hash of the unchanged name (base 36).
// Qwen Code 0.24.4 sent `mcp__appr__dotted_tool_01q9po0` for tool "dotted.tool" of server "appr"
// and `mcp__a_b__add_1yrlbbx` for "add" of "a.b" next to `mcp__a_b__add` of "a_b".
function toolName(server: string, tool: string): ExposedTool {
  const name = `mcp__${server}__${tool}`
  if (name.length <= 63 && /^[A-Za-z][A-Za-z0-9_-]*$/.test(name)) return changed(server, tool, name)
  const clean = name.replace(/[^A-Za-z0-9_-]/g, '_')
  const suffix = `_${fnv1a(name)}`
  return changed(
    server,
    tool,
    `${clean.slice(0, 63 - suffix.length)}${suffix}`,
    clean !== name && 'sanitized',
    name.length > 63 - suffix.length && 'truncated',
    'hashed'
  )
}

function fnv1a(text: string): string {
  let hash = 2166136261
  for (let index = 0; index < text.length; index++)
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619)
  return (hash >>> 0).toString(36).padStart(7, '0')
}
