import { changed, type ExposedTool, type NamingServer } from './tool-naming.js'
import { everyTypeSpelling, type LaunchSemantics, type Platform } from './platform.js'
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

// variableResolver.ts resolves these with the config's workspace folder; extHostMcpNode.ts then
// expands `~` and starts the server in `cwd` (joined to the folder when relative), else the folder.
const launch: LaunchSemantics = {
  variables: {
    workspaceFolder: 'workspaceFolder',
    workspaceRoot: 'workspaceFolder',
    cwd: 'workspaceFolder',
    workspaceFolderBasename: 'workspaceFolderBasename',
    workspaceRootFolderName: 'workspaceFolderBasename',
    userHome: 'userHome',
    pathSeparator: 'pathSeparator',
    '/': 'pathSeparator'
  },
  prompted: ['input', 'config', 'command'],
  tilde: true,
  cwd: 'workspace',
  certainty: { variables: 'confirmed', cwd: 'confirmed' },
  source:
    'microsoft/vscode src/vs/workbench/services/configurationResolver/common/variableResolver.ts (evaluateSingleVariable), src/vs/workbench/api/node/extHostMcpNode.ts (startNodeMpc: untildify, cwd), src/vs/workbench/api/browser/mainThreadMcp.ts (defaultCwd: the workspace folder)',
  verified:
    'microsoft/vscode main: variableResolver.ts @ 2eb5c0b3, extHostMcpNode.ts @ 0334cc07, mainThreadMcp.ts @ 0d40d2ce (read 2026-12-03)'
}

export const vscode: Platform = {
  role: 'client',
  id: 'vscode',
  displayName: 'VS Code',
  checked: 'source (main), read 2026-12-03',
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
      ...Object.keys(launch.variables),
      'file',
      'fileWorkspaceFolder',
      'relativeFile',
      'relativeFileDirname',
      'fileBasename',
      'fileBasenameNoExtension',
      'fileExtname',
      'fileDirname',
      'fileDirnameBasename',
      'lineNumber',
      'selectedText',
      'execPath',
      'defaultBuildTask'
    ],
    fields: 'all',
    preferred: 'env-prefix'
  },
  launch,
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
    naming: {
      expose: exposeTools,
      certainty: 'confirmed',
      clash: 'VS Code cuts tool ids at 64 characters, so only one of them can be called'
    },
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

// VS Code McpPrefixGenerator and McpTool (src/vs/workbench/contrib/mcp/common/mcpServer.ts):
// a prefix of at most 18 characters from the server's self-reported name, de-duplicated with 2_,
// 3_ in registration order; tool characters outside [a-z0-9_-] become `_`; ids cut at 64.
const vscodePrefix = 'mcp_'
const vscodeMaxPrefix = 18

function exposeTools(servers: readonly NamingServer[]): ExposedTool[] {
  const taken = new Map<string, number>()
  return servers.flatMap((server) => {
    const safeName = (server.label ?? server.name)
      .toLowerCase()
      .replace(/[^a-z0-9_.-]+/g, '_')
      .slice(0, vscodeMaxPrefix - vscodePrefix.length - 1)
    const index = (taken.get(safeName) ?? 0) + 1
    taken.set(safeName, index)
    const suffix = `${index === 1 ? '' : String(index)}_`
    const prefix =
      vscodePrefix +
      safeName.slice(0, vscodeMaxPrefix - vscodePrefix.length - suffix.length) +
      suffix
    return server.tools.map((tool) => {
      const safe = tool.replace(/[^a-z0-9_-]/gi, '_')
      const full = (prefix + safe).replaceAll('.', '_')
      return changed(
        server.name,
        tool,
        full.slice(0, 64),
        safe !== tool && 'sanitized',
        full.length > 64 && 'truncated'
      )
    })
  })
}
