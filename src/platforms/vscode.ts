import { everyTypeSpelling, type Platform } from './platform.js'
import {
  boolean,
  enumOf,
  fileSchema,
  object,
  requireForType,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.6 (microsoft/vscode mcpConfiguration.ts; vscode-docs mcp-configuration.md, 2026-06-03).
const server = serverSchema(
  {
    type: enumOf(['stdio', 'http', 'sse']),
    command: string,
    args: stringArray,
    cwd: string,
    env: { type: 'object', additionalProperties: { type: ['string', 'number', 'null'] } },
    envFile: string,
    dev: object,
    sandboxEnabled: boolean,
    url: string,
    headers: stringMap,
    oauth: object,
    gallery: { type: ['string', 'boolean'] },
    version: string
  },
  [
    requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)'),
    requireForType(['http', 'sse'], ['url'], 'a remote server needs "url"'),
    requireForType(['stdio'], ['command'], 'a stdio server needs "command"')
  ]
)

const input = {
  type: 'object',
  properties: {
    type: enumOf(['promptString', 'pickString', 'command']),
    id: string,
    description: string,
    password: boolean,
    default: string,
    options: { type: 'array' },
    command: string,
    args: {}
  },
  required: ['type', 'id']
}

export const vscode: Platform = {
  id: 'vscode',
  displayName: 'VS Code',
  paths: ['.vscode/mcp.json'],
  format: 'json',
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['servers'],
  dedicated: true,
  schema: fileSchema({
    id: 'vscode',
    title: 'VS Code workspace MCP servers (.vscode/mcp.json)',
    serversKey: 'servers',
    server,
    required: true,
    extraProperties: { inputs: { type: 'array', items: input }, sandbox: {} }
  }),
  unknownFields: 'confirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: ['env', 'input', 'config', 'command', 'workspaceFolder'],
    variables: [
      'userHome',
      'workspaceFolder',
      'workspaceFolderBasename',
      'file',
      'fileWorkspaceFolder',
      'relativeFile',
      'relativeFileDirname',
      'fileBasename',
      'fileBasenameNoExtension',
      'fileExtname',
      'fileDirname',
      'fileDirnameBasename',
      'cwd',
      'lineNumber',
      'selectedText',
      'execPath',
      'defaultBuildTask',
      'pathSeparator',
      '/'
    ],
    fields: 'all',
    preferred: 'env-prefix'
  },
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { stdio: 'stdio', http: 'http', sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: true,
    headers: true,
    references: 'env-prefix',
    description: false
  },
  tools: {
    naming: { scheme: 'vscode', certainty: 'confirmed' },
    limits: {
      warning: {
        value: 128,
        source:
          '"Cannot have more than 128 tools per request" (microsoft/vscode-copilot-release#9375); virtual tools since 1.103',
        checked: '2026-08-22'
      },
      certainty: 'confirmed',
      consequence:
        'model providers take at most 128 tools per request, so VS Code groups the rest into virtual tools (built-in tools count too)'
    }
  },
  aliases: ['copilot', 'github-copilot', 'vs-code'],
  reference: 'https://code.visualstudio.com/docs/copilot/reference/mcp-configuration'
}
