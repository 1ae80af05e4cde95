import type { Platform } from './platform.js'
import {
  enumOf,
  explain,
  fileSchema,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'
import { changed, eachTool } from './tool-naming.js'

// Facts: ../shared/docs/platforms-more.md §9, and continuedev/continue @ d0a3c0b6 read 2026-12-03:
// core/config/loadLocalAssistants.ts and yaml/loadYaml.ts (every .yaml/.yml file under
// .continue/mcpServers/, subfolders too, parsed as a whole config block), packages/config-yaml
// schemas/index.ts and schemas/mcp/index.ts (the block and server schemas, zod objects that strip
// unknown keys), core/config/yaml/LocalPlatformClient.ts (secrets from .env files and the
// environment), core/context/mcp/MCPConnection.ts (the stdio environment and cwd),
// core/tools/mcpToolName.ts (tool names). @continuedev/config-yaml 1.42.0 was run on test blocks
// here: a broken block is skipped whole ("Failed to parse config"), unknown keys vanish, of two
// servers with one name the first stays, `${VAR}` reaches the server as written. The Continue CLI
// (`cn` 1.5.47) does not read these folders, so only the IDE extension's code applies.
const VERIFIED = 'Continue core @ d0a3c0b6 with @continuedev/config-yaml 1.42.0 (run 2026-12-03)'
const SKIPPED = 'Continue skips the whole file ("Failed to parse config")'

const server = serverSchema(
  {
    name: string,
    serverName: string,
    faviconUrl: string,
    type: explain(
      `must be "stdio", "sse" or "streamable-http" (not "http"): ${SKIPPED}`,
      enumOf(['stdio', 'sse', 'streamable-http'])
    ),
    command: string,
    args: stringArray,
    env: stringMap,
    cwd: string,
    url: string,
    apiKey: string,
    requestOptions: {
      type: 'object',
      properties: { headers: stringMap, timeout: { type: 'number' } }
    },
    connectionTimeout: explain(`must be a number above 0: ${SKIPPED}`, {
      type: 'number',
      exclusiveMinimum: 0
    }),
    sourceFile: string,
    sourceSlug: string
  },
  [
    explain(`a server needs "name": ${SKIPPED}`, { required: ['name'] }),
    {
      if: { required: ['type'], properties: { type: { const: 'stdio' } } },
      then: explain(`a "stdio" server needs "command": ${SKIPPED}`, { required: ['command'] }),
      else: {
        if: { required: ['type'] },
        then: explain(`a remote server needs "url": ${SKIPPED}`, { required: ['url'] }),
        else: explain(`a server needs "command" or "url": ${SKIPPED}`, {
          anyOf: [{ required: ['command'] }, { required: ['url'] }]
        })
      }
    }
  ]
)

/** IDE tool names: the server name lower-cased, runs of other characters as "_", then the tool. */
function prefixOf(server: string): string {
  return server
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
}

export const continueIde: Platform = {
  role: 'client',
  id: 'continue',
  displayName: 'Continue',
  checked: 'core @ d0a3c0b6 read, config-yaml 1.42.0 run, 2026-12-03',
  // Any .yaml or .yml file in the folder is a block; sync writes this one.
  paths: ['.continue/mcpServers/mcp-servers.yaml'],
  folders: [{ dir: '.continue/mcpServers', extensions: ['.yaml', '.yml'] }],
  format: 'yaml',
  serversKeys: ['mcpServers'],
  serverList: {
    nameKey: 'name',
    keeps: 'first',
    unique: {
      key: (name) => name,
      refuses: 'entry',
      consequence: 'Continue keeps the first and drops this one without a word',
      verified: VERIFIED
    }
  },
  // A block file may hold models or rules instead (the first non-empty list decides its kind).
  dedicated: false,
  schema: {
    ...fileSchema({
      id: 'continue',
      title: 'Continue config block (.continue/mcpServers/*.yaml), MCP part',
      serversKey: 'mcpServers',
      server,
      list: true,
      required: false,
      extraProperties: {
        name: explain(`must be a string: ${SKIPPED}`, string),
        version: explain(`must be a string ("version: 0.0.1"): ${SKIPPED}`, string),
        schema: string
      }
    }),
    // Every block is a whole config: baseConfigYamlSchema requires both.
    allOf: [
      {
        if: { required: ['mcpServers'] },
        then: explain(`a block needs "name" and "version": ${SKIPPED}`, {
          required: ['name', 'version']
        })
      }
    ]
  },
  invalidEntry: { rejects: 'file', consequence: SKIPPED, verified: VERIFIED },
  unknownFields: 'confirmed',
  ignoredFields: {
    headers: 'Continue reads headers from "requestOptions": { "headers": … }',
    disabled: 'Continue has no "disabled": move the file out of .continue/mcpServers',
    timeout: 'Continue reads "connectionTimeout" (or requestOptions.timeout)'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['secrets-template'],
    prefixes: [],
    variables: [],
    // The templates are filled in the file's raw text, comments included.
    fields: 'all',
    preferred: 'secrets-template',
    unexpandedStaysLiteral: true
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'workspace',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'continuedev/continue core/context/mcp/MCPConnection.ts (a relative cwd against the workspace; the environment is HOME, USER, LOGNAME and the login shell PATH, plus "env")',
    verified: VERIFIED
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'streamable-http', sse: 'sse' },
    readTypes: { stdio: 'stdio', sse: 'sse', 'streamable-http': 'http' },
    cwd: true,
    headers: true,
    headersAt: ['requestOptions', 'headers'],
    references: 'secrets-template',
    description: false
  },
  tools: {
    naming: {
      // core/tools/mcpToolName.ts: a tool already starting with the prefix keeps its name.
      expose: eachTool((server, tool) => {
        const prefix = prefixOf(server)
        const exposed = tool.startsWith(prefix) ? tool : `${prefix}_${tool}`
        return changed(server, tool, exposed, exposed !== `${server}_${tool}` && 'sanitized')
      }),
      certainty: 'confirmed',
      clash:
        'Continue warns "Duplicate tools named …" and calls the first of them (doLoadConfig.ts)'
    }
  },
  aliases: ['continue-dev', 'continuedev'],
  reference: 'https://docs.continue.dev/customize/deep-dives/mcp'
}

// JSON files in the same folder (core/context/mcp/json/loadJsonMcpConfigs.ts and config-yaml
// schemas/mcp/json.ts, convertJson.ts): read with comment-json, as Claude Desktop's
// `{ "mcpServers": { … } }`, Claude Code's `{ "projects": … }` (not modelled here), or one server
// per file named by the file. One bad entry rejects the file. Values are not filled: an env
// `${VAR}` becomes `${{ secrets.VAR }}` and is then never resolved (read, not run).
const JSON_SKIPPED =
  'Continue skips the whole file ("doesn\'t match a supported MCP JSON configuration format")'

const jsonServer = serverSchema(
  {
    type: explain(
      `must be "stdio", "sse" or "http": ${JSON_SKIPPED}`,
      enumOf(['stdio', 'sse', 'http'])
    ),
    command: string,
    args: stringArray,
    env: stringMap,
    envFile: string,
    url: string,
    headers: stringMap
  },
  [
    {
      if: { required: ['type'], properties: { type: { const: 'stdio' } } },
      then: explain(`a "stdio" server needs "command": ${JSON_SKIPPED}`, {
        required: ['command']
      }),
      else: {
        if: { required: ['type'] },
        then: explain(`a remote server needs "url": ${JSON_SKIPPED}`, { required: ['url'] }),
        else: explain(`a server needs "command" or "url": ${JSON_SKIPPED}`, {
          anyOf: [{ required: ['command'] }, { required: ['url'] }]
        })
      }
    }
  ]
)

export const continueJson: Platform = {
  role: 'client',
  id: 'continue-json',
  displayName: 'Continue (JSON)',
  checked: 'core @ d0a3c0b6 read, config-yaml 1.42.0 run, 2026-12-03',
  // Any .json file in the folder is read; sync writes this one.
  paths: ['.continue/mcpServers/mcp-servers.json'],
  folders: [{ dir: '.continue/mcpServers', extensions: ['.json'] }],
  format: 'json',
  // comment-json: comments are fine; trailing commas are not known to be.
  jsonc: { comments: 'allowed', trailingCommas: { forbidden: 'unconfirmed' } },
  serversKeys: ['mcpServers'],
  fileServer: true,
  dedicated: false,
  schema: fileSchema({
    id: 'continue-json',
    title: 'Continue JSON server file (.continue/mcpServers/*.json)',
    serversKey: 'mcpServers',
    server: jsonServer,
    required: false
  }),
  invalidEntry: { rejects: 'file', consequence: JSON_SKIPPED, verified: VERIFIED },
  unknownFields: 'confirmed',
  ignoredFields: {
    cwd: 'Continue does not read "cwd" from JSON files: use a .yaml block',
    envFile: 'Continue does not read "envFile" (it warns "envFile is not supported")'
  },
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Continue does not fill references in JSON files: move the server to a .yaml block and write "${{ secrets.{name} }}"',
    secretAdvice:
      'move the server to a .yaml block in .continue/mcpServers/ and write "${{ secrets.{name} }}" in its place',
    unexpandedStaysLiteral: true
  },
  launch: continueIde.launch,
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { http: 'http', sse: 'sse' },
    readTypes: { stdio: 'stdio', sse: 'sse', http: 'http' },
    cwd: false,
    headers: true,
    references: 'none',
    description: false
  },
  ...(continueIde.tools === undefined ? {} : { tools: continueIde.tools }),
  aliases: [],
  reference: continueIde.reference
}
