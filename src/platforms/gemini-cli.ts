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

// Facts: ../shared/docs/platforms.md §2.4 (google-gemini/gemini-cli @ 5411f113, 2026-08-21).
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
    extension: object,
    oauth: object,
    authProviderType: enumOf([
      'dynamic_discovery',
      'google_credentials',
      'service_account_impersonation'
    ]),
    targetAudience: string,
    targetServiceAccount: string
  },
  [
    requireOneOf(
      ['command', 'url', 'httpUrl', 'tcp'],
      'a server needs "command" (local), "url" or "httpUrl" (remote)'
    )
  ]
)

export const geminiCli: Platform = {
  id: 'gemini-cli',
  displayName: 'Gemini CLI',
  paths: ['.gemini/settings.json'],
  format: 'json',
  // settings.ts: JSON.parse(stripJsonComments(content)).
  jsonc: { comments: 'allowed', trailingCommas: { forbidden: 'confirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: false,
  schema: fileSchema({
    id: 'gemini-cli',
    title: 'Gemini CLI settings (.gemini/settings.json), MCP part',
    serversKey: 'mcpServers',
    server,
    required: false
  }),
  unknownFields: 'confirmed',
  ignoredFields: {
    disabled:
      'Gemini CLI has no "disabled" field: run `gemini mcp disable <name>` or list the server in "mcp.excluded"'
  },
  interpolation: {
    certainty: 'confirmed',
    syntaxes: ['brace', 'brace-default', 'bare'],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: 'brace'
  },
  // settings.json gets environment references only: `${extensionPath}`, `${workspacePath}` and
  // `${/}` are for gemini-extension.json. Workspace settings are read from the launch directory,
  // and stdio servers inherit it unless "cwd" is set.
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'launch-directory',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      'google-gemini/gemini-cli packages/cli/src/utils/envVarResolver.ts, packages/cli/src/config/settings.ts (loadSettings(workspaceDir = process.cwd())), packages/cli/src/config/extension-manager.ts (extension variables), packages/core/src/tools/mcp-client.ts (StdioClientTransport cwd: mcpServerConfig.cwd)',
    verified: 'gemini-cli 0.56.0-nightly.20260806 @ 5411f113 (2026-08-21)'
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
    description: true
  },
  tools: {
    naming: { scheme: 'gemini-cli', certainty: 'confirmed' },
    filters: { allow: 'includeTools', deny: 'excludeTools' },
    limits: {
      warning: { value: 50, source: 'the mcp-lint guide', checked: '2026-08-22' },
      error: {
        value: 512,
        source:
          'Gemini API "At most 512 function declarations" (google-gemini/gemini-cli#19083, #25440)',
        checked: '2026-08-21'
      },
      certainty: 'confirmed',
      consequence: 'the Gemini API rejects requests with more than 512 function declarations'
    }
  },
  aliases: ['gemini', 'geminicli'],
  reference: 'https://github.com/google-gemini/gemini-cli/blob/main/docs/tools/mcp-server.md'
}
