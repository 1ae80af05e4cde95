import { changed, type ExposedTool, type NamingServer } from './tool-naming.js'
import type { Platform } from './platform.js'
import {
  boolean,
  fileSchema,
  number,
  object,
  requireOneOf,
  string,
  stringArray,
  stringMap
} from './schema-parts.js'

// Facts: ../shared/docs/platforms.md §2.9 (zed-industries/zed crates/settings_content/src/project.rs).
// ContextServerSettingsContent is an untagged enum (stdio, http, extension); older releases nested
// the command as { path, args, env } under "source": "custom".
const legacyCommand = {
  type: 'object',
  properties: { path: string, args: stringArray, env: stringMap }
}
const server = {
  type: 'object',
  properties: {
    command: { anyOf: [string, legacyCommand] },
    args: stringArray,
    env: stringMap,
    url: string,
    headers: stringMap,
    timeout: number,
    enabled: boolean,
    remote: boolean,
    oauth: object,
    settings: object,
    source: string
  },
  additionalProperties: false,
  allOf: [
    requireOneOf(
      ['command', 'url', 'settings'],
      'a context server needs "command", "url" or extension "settings"'
    )
  ]
}

export const zed: Platform = {
  role: 'client',
  id: 'zed',
  displayName: 'Zed',
  checked: 'source (main) as of 2026',
  paths: ['.zed/settings.json'],
  format: 'json',
  // serde_json_lenient.
  jsonc: { comments: 'allowed', trailingCommas: 'allowed' },
  serversKeys: ['context_servers'],
  dedicated: false,
  schema: fileSchema({
    id: 'zed',
    title: 'Zed project settings (.zed/settings.json), context servers',
    serversKey: 'context_servers',
    server,
    required: false
  }),
  unknownFields: 'unconfirmed',
  ignoredFields: {},
  interpolation: {
    certainty: 'confirmed',
    syntaxes: [],
    prefixes: [],
    variables: [],
    fields: 'all',
    preferred: undefined,
    advice:
      'Zed expands no references (zed-industries/zed#60459): leave {name} out of "env" so the server inherits it'
  },
  launch: {
    variables: {},
    prompted: [],
    tilde: false,
    cwd: 'workspace',
    certainty: { variables: 'confirmed', cwd: 'confirmed' },
    source:
      "zed-industries/zed crates/project/src/context_server_store.rs (resolve_root_path: the active project directory, else the first visible worktree, is a local stdio server's working directory); zed-industries/zed#60459 (no expansion)",
    verified: 'zed main as indexed in 2026 (read 2026-12-03)'
  },
  translation: {
    transports: ['stdio', 'http'],
    urlKey: 'url',
    urlKeys: { url: 'http' },
    typeValues: {},
    readTypes: {},
    cwd: false,
    headers: true,
    disabled: { key: 'enabled', whenDisabled: false },
    references: 'none',
    description: false
  },
  tools: {
    naming: {
      expose: exposeTools,
      certainty: 'confirmed',
      clash: 'Zed keeps only the last one',
      sharedName: 'renamed'
    }
  },
  aliases: ['zed-editor'],
  reference: 'https://zed.dev/docs/ai/mcp'
}

// Zed (crates/agent/src/thread.rs): the raw tool name, cut at 64; a name another server also has
// becomes `<server>_<tool>`, the server id shortened to fit 64.
function exposeTools(servers: readonly NamingServer[]): ExposedTool[] {
  const owners = new Map<string, Set<string>>()
  for (const server of servers)
    for (const tool of server.tools) {
      const name = tool.slice(0, 64)
      owners.set(name, (owners.get(name) ?? new Set()).add(server.name))
    }
  return servers.flatMap((server) =>
    server.tools.map((tool) => {
      const name = tool.slice(0, 64)
      if ((owners.get(name)?.size ?? 0) < 2)
        return changed(server.name, tool, name, tool.length > 64 && 'truncated')
      const room = Math.max(0, 64 - name.length - 1)
      return changed(server.name, tool, `${server.name.slice(0, room)}_${name}`, 'renamed')
    })
  )
}
