import type { Platform, Translation } from './platform.js'
import {
  boolean,
  enumOf,
  explain,
  fileSchema,
  object,
  requireForType,
  serverSchema,
  string,
  stringMap,
  type JsonSchema
} from './schema-parts.js'
import { changed, eachTool } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §1, anomalyco/opencode packages/opencode/src/config/
// mcp.ts @ 11072ad5 and v2-compat.ts @ 14230895 (read 2026-12-03), and what opencode-ai 1.18.33
// did offline here on 2026-12-03 (`opencode mcp list`, `opencode debug config`, `opencode run`
// against a fake OpenAI API): files and their order, JSONC, one bad V1 entry refusing the whole
// configuration, V2 entries dropped alone, unknown fields stripped, `{env:VAR}` replaced in the
// text before parsing (an unset one by ""), `${VAR}` and `$VAR` passed on as written, tool names.
const VERIFIED = 'OpenCode 1.18.33 (run offline 2026-12-03)'
const REFUSED =
  'OpenCode 1.18.33 refuses the whole configuration ("Configuration is invalid") and starts no server'

/** The fields of V1 and V2 servers; `then` says what a broken one costs. */
export const opencodeFields = (then: string, client = 'OpenCode') => ({
  type: explain(`must be "local" or "remote": ${then}`, enumOf(['local', 'remote'])),
  command: explain(
    `must be an array, the program first ("command": ["npx", "-y", "pkg"]), as ${client} has no "args": ${then}`,
    { type: 'array', items: string, minItems: 1 }
  ),
  environment: stringMap,
  url: string,
  headers: stringMap,
  oauth: { anyOf: [object, { const: false }] },
  enabled: boolean,
  timeout: { type: 'integer', minimum: 1 }
})
export const opencodeRules = [
  explain('a server needs "type": "local" (with "command") or "remote" (with "url")', {
    required: ['type']
  }),
  requireForType(['local'], ['command'], 'a "local" server needs "command"'),
  requireForType(['remote'], ['url'], 'a "remote" server needs "url"')
]
// V2 (`mcp.servers`): "disabled" instead of "enabled", and "cwd".
const serverV2 = serverSchema(
  { ...opencodeFields('OpenCode 1.18.33 drops the server'), disabled: boolean, cwd: string },
  opencodeRules
)
const server = serverSchema(opencodeFields(REFUSED), opencodeRules)

/** How a V1 server (`mcp.<name>`) is written; Kilo writes its servers the same way. */
export const v1Translation: Translation = {
  typeRequired: true,
  transports: ['stdio', 'http', 'sse'],
  urlKey: 'url',
  urlKeys: { url: undefined },
  // A remote server tries Streamable HTTP, then SSE.
  typeValues: { stdio: 'local', http: 'remote', sse: 'remote' },
  readTypes: { local: 'stdio', remote: 'http' },
  cwd: false,
  headers: true,
  disabled: { key: 'enabled', whenDisabled: false },
  references: 'curly-env',
  description: false,
  commandArray: true,
  envKey: 'environment'
}

/** mcp/index.ts tools(): `<server>_<tool>`, each part with [^a-zA-Z0-9_-] replaced by "_". */
export const exposeOpencodeTools = eachTool((server, tool) => {
  const clean = (name: string) => name.replace(/[^a-zA-Z0-9_-]/g, '_')
  const exposed = `${clean(server)}_${clean(tool)}`
  return changed(server, tool, exposed, exposed !== `${server}_${tool}` && 'sanitized')
})

export const opencode: Platform = {
  role: 'client',
  id: 'opencode',
  displayName: 'OpenCode',
  checked: '1.18.33, run offline, 2026-12-03',
  // Lowest to highest precedence, merged per server name; every file from the working directory
  // up to the git root is read, the nearer winning.
  paths: ['opencode.json', 'opencode.jsonc', '.opencode/opencode.json', '.opencode/opencode.jsonc'],
  format: 'json',
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['mcp'],
  nestedServers: 'servers',
  dedicated: false,
  schema: withV2(
    fileSchema({
      id: 'opencode',
      title: 'OpenCode configuration (opencode.json), MCP part',
      serversKey: 'mcp',
      server,
      required: false
    })
  ),
  invalidEntry: { rejects: 'file', consequence: REFUSED, verified: VERIFIED },
  // Unknown keys inside a server are stripped without a word.
  unknownFields: 'confirmed',
  ignoredFields: {
    args: 'OpenCode has no "args": put the arguments in the "command" array after the program',
    env: 'OpenCode reads "environment", not "env"'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['curly-env'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'curly-env',
    // `${VAR}` and `$VAR` reach the server as written.
    unexpandedStaysLiteral: true
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'unconfirmed' },
    source:
      'opencode-ai 1.18.33 run offline: `{env:VAR}` is the only substitution; servers inherit the environment',
    verified: VERIFIED
  },
  // V2 entries are switched off by "disabled" instead.
  translation: { ...v1Translation, disabledToo: { key: 'disabled', whenDisabled: true } },
  tools: {
    naming: {
      expose: exposeOpencodeTools,
      certainty: 'confirmed',
      clash:
        'OpenCode 1.18.33 keeps only one of them: the other tool is lost without a word (servers "a.b" and "a_b")'
    }
  },
  aliases: ['open-code', 'sst-opencode'],
  reference: 'https://opencode.ai/docs/mcp-servers/'
}

/** The file schema with V2's `mcp.servers` map beside the V1 servers. */
function withV2(schema: JsonSchema): JsonSchema {
  const properties = schema.properties as Readonly<Record<string, JsonSchema>>
  return {
    ...schema,
    properties: {
      ...properties,
      mcp: {
        ...properties.mcp,
        properties: { servers: { type: 'object', additionalProperties: serverV2 } }
      }
    }
  }
}
