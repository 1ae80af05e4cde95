import { changed, eachTool, type ExposedTool } from './tool-naming.js'
import { everyTypeSpelling, type LaunchSemantics, type Platform } from './platform.js'
import {
  fileSchema,
  object,
  requireOneOf,
  serverSchema,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.3 (cursor.com/docs/mcp; interpolation as quoted by third parties).
const server = serverSchema(
  {
    type: string,
    command: string,
    args: stringArray,
    env: stringMap,
    envFile: string,
    url: string,
    headers: stringMap,
    auth: object
  },
  [requireOneOf(['command', 'url'], 'a server needs "command" (local) or "url" (remote)')]
)

// Cursor's docs list the variables; only third parties quote them, and only reports say where
// servers start (the home directory on Windows, not the project on macOS).
const launch: LaunchSemantics = {
  variables: {
    workspaceFolder: 'workspaceFolder',
    workspaceFolderBasename: 'workspaceFolderBasename',
    userHome: 'userHome',
    pathSeparator: 'pathSeparator',
    '/': 'pathSeparator'
  },
  prompted: [],
  tilde: false,
  cwd: 'home',
  certainty: { variables: 'unconfirmed', cwd: 'unconfirmed' },
  source:
    'cursor.com/docs/context/mcp "Config interpolation" (${workspaceFolder} is "the folder that contains .cursor/mcp.json"), as quoted by syllago.dev and others; working directory: AVIDS2/memorix#75 (Windows: the home directory), tirth8205/code-review-graph#304 (macOS: not the project root)',
  verified: 'Cursor docs as quoted in 2026; reports of April 2026 (read 2026-12-03)'
}

export const cursor: Platform = {
  role: 'client',
  id: 'cursor',
  displayName: 'Cursor',
  checked: 'docs and issue reports of 2026',
  paths: ['.cursor/mcp.json'],
  format: 'json',
  jsonc: { comments: { forbidden: 'confirmed' }, trailingCommas: { forbidden: 'confirmed' } },
  serversKeys: ['mcpServers'],
  dedicated: true,
  schema: fileSchema({
    id: 'cursor',
    title: 'Cursor project MCP servers (.cursor/mcp.json)',
    serversKey: 'mcpServers',
    server,
    required: true
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'unconfirmed',
    syntaxes: [],
    prefixes: ['env'],
    variables: Object.keys(launch.variables),
    fields: ['command', 'args', 'env', 'envFile', 'url', 'headers'],
    preferred: 'env-prefix'
  },
  launch,
  translation: {
    transports: ['stdio', 'http', 'sse'],
    urlKey: 'url',
    urlKeys: { url: undefined },
    typeValues: { sse: 'sse' },
    readTypes: everyTypeSpelling,
    cwd: false,
    headers: true,
    references: 'env-prefix',
    description: false
  },
  tools: {
    naming: {
      expose: eachTool(toolName),
      certainty: 'confirmed',
      clash: 'the model cannot tell which one it calls',
      why: {
        dropped: {
          reason: 'because server and tool names together reach 60 characters',
          fix: 'shorten the server name'
        }
      }
    },
    limits: {
      // 40 in the 2025 docs, a warning above 80 since Sep 2025, on-demand loading since Jan 2026.
      warning: {
        value: 80,
        source:
          'Cursor warns above 80 tools (Snowflake-Labs/mcp#77); on-demand loading since Jan 2026',
        checked: '2026-08-22'
      },
      certainty: 'confirmed',
      consequence: 'Cursor warns and may leave tools out of the agent'
    }
  },
  aliases: [],
  reference: 'https://cursor.com/docs/mcp'
}

// Cursor filters out a tool whose server and tool names together reach 60 characters (forum and
// issue reports since 2025-04); the exposed form `mcp_<server>_<tool>` is observed, not documented.
function toolName(server: string, tool: string): ExposedTool {
  if (server.length + tool.length >= 60) return changed(server, tool, undefined, 'dropped')
  return changed(server, tool, `mcp_${server}_${tool}`)
}
