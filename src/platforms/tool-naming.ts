import { createHash } from 'node:crypto'
import type { NamingScheme } from './platform.js'

/** A server as a naming scheme sees it: its config key, what it calls itself, its tools in order. */
export interface NamingServer {
  readonly name: string
  /** `serverInfo.title || serverInfo.name` from `initialize`: VS Code derives its prefix from it. */
  readonly label?: string | undefined
  readonly tools: readonly string[]
}

/**
 * What a platform did to a tool's name on the way to the model: characters replaced, cut short,
 * shortened with a hash, prefixed because another server has the same tool, dropped, or left in a
 * shape the model provider rejects.
 */
export type NameChange =
  'sanitized' | 'truncated' | 'hashed' | 'renamed' | 'dropped' | 'too-long' | 'invalid'

export interface ExposedTool {
  readonly server: string
  readonly tool: string
  /** The name the model sees; undefined when the platform drops the tool. */
  readonly exposed: string | undefined
  readonly changes: readonly NameChange[]
}

/** Every tool of every server under the name one platform exposes it as, in server order. */
export function exposeTools(scheme: NamingScheme, servers: readonly NamingServer[]): ExposedTool[] {
  switch (scheme) {
    case 'claude-code':
      return servers.flatMap((server) => server.tools.map((tool) => claudeCode(server.name, tool)))
    case 'gemini-cli':
      return servers.flatMap((server) => server.tools.map((tool) => geminiCli(server.name, tool)))
    case 'cursor':
      return servers.flatMap((server) => server.tools.map((tool) => cursor(server.name, tool)))
    case 'antigravity':
      return servers.flatMap((server) => server.tools.map((tool) => antigravity(server.name, tool)))
    case 'vscode':
      return vscode(servers)
    case 'codex':
      return codex(servers)
    case 'zed':
      return zed(servers)
  }
}

function changed(
  server: string,
  tool: string,
  exposed: string | undefined,
  ...changes: (NameChange | false)[]
): ExposedTool {
  return {
    server,
    tool,
    exposed,
    changes: changes.filter((change): change is NameChange => change !== false)
  }
}

// Claude Code: `mcp__<server>__<tool>`; characters outside [A-Za-z0-9_-] become `_` (docs/mcp.md);
// the Anthropic API rejects names over 64 (anthropics/claude-code#2412, tool_reference #19882).
function claudeCode(server: string, tool: string): ExposedTool {
  const safe = tool.replace(/[^A-Za-z0-9_-]/g, '_')
  const exposed = `mcp__${server}__${safe}`
  return changed(
    server,
    tool,
    exposed,
    safe !== tool && 'sanitized',
    exposed.length > 64 && 'too-long'
  )
}

// Gemini CLI generateValidName (packages/core/src/tools/mcp-tool.ts @ 5411f113).
function geminiCli(server: string, tool: string): ExposedTool {
  const joined = `${server}_${tool}`
  let name = joined.startsWith('mcp_') ? joined : `mcp_${joined}`
  const sanitized = name.replace(/[^a-zA-Z0-9_\-.:]/g, '_')
  const wasSanitized = sanitized !== name
  name = /^[^a-zA-Z_]/.test(sanitized) ? `_${sanitized}` : sanitized
  const truncated = name.length > 63
  if (truncated) name = `${name.slice(0, 30)}...${name.slice(-30)}`
  return changed(server, tool, name, wasSanitized && 'sanitized', truncated && 'truncated')
}

// Cursor filters out a tool whose server and tool names together reach 60 characters (forum and
// issue reports since 2025-04); the exposed form `mcp_<server>_<tool>` is observed, not documented.
function cursor(server: string, tool: string): ExposedTool {
  if (server.length + tool.length >= 60) return changed(server, tool, undefined, 'dropped')
  return changed(server, tool, `mcp_${server}_${tool}`)
}

// Antigravity validates names, server label included, against ^[a-zA-Z0-9_-]{1,64}$
// (microsoft/mcp#2966); how the label and tool are joined is not documented.
function antigravity(server: string, tool: string): ExposedTool {
  const exposed = `${server}_${tool}`
  return changed(server, tool, exposed, !/^[a-zA-Z0-9_-]{1,64}$/.test(exposed) && 'invalid')
}

// VS Code McpPrefixGenerator and McpTool (src/vs/workbench/contrib/mcp/common/mcpServer.ts):
// a prefix of at most 18 characters from the server's self-reported name, de-duplicated with 2_,
// 3_ in registration order; tool characters outside [a-z0-9_-] become `_`; ids cut at 64.
const vscodePrefix = 'mcp_'
const vscodeMaxPrefix = 18

function vscode(servers: readonly NamingServer[]): ExposedTool[] {
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

// Codex qualify_tools (codex-rs/codex-mcp/src/mcp_tool_names.rs): `mcp__<server>__<tool>` with
// characters outside [A-Za-z0-9_] replaced; colliding or over-64 names get `_` + 12 hex of a SHA-1.
// Codex hashes its internal identity, so the suffix here only shows the shape, not Codex's digits.
function codex(servers: readonly NamingServer[]): ExposedTool[] {
  const sanitize = (name: string) => name.replace(/[^A-Za-z0-9_]/g, '_') || '_'
  const hash = (input: string) => `_${createHash('sha1').update(input).digest('hex').slice(0, 12)}`
  const namespaceOwners = new Map<string, Set<string>>()
  for (const server of servers) {
    const namespace = sanitize(`mcp__${server.name}__`)
    namespaceOwners.set(namespace, (namespaceOwners.get(namespace) ?? new Set()).add(server.name))
  }
  const candidates = servers.flatMap((server) => {
    let namespace = sanitize(`mcp__${server.name}__`)
    const namespaceHashed = (namespaceOwners.get(namespace)?.size ?? 0) > 1
    if (namespaceHashed) namespace = `${namespace.slice(0, -2)}${hash(server.name)}__`
    const seen = new Set<string>()
    return server.tools
      .filter((tool) => !seen.has(tool) && seen.add(tool))
      .map((tool) => ({
        server: server.name,
        tool,
        namespace,
        name: sanitize(tool),
        namespaceHashed
      }))
  })
  const toolOwners = new Map<string, number>()
  for (const candidate of candidates) {
    const key = candidate.namespace + candidate.name
    toolOwners.set(key, (toolOwners.get(key) ?? 0) + 1)
  }
  return candidates.map((candidate) => {
    const identity = `${candidate.server}\u0000${candidate.tool}`
    let name = candidate.name
    let hashed = candidate.namespaceHashed
    if ((toolOwners.get(candidate.namespace + name) ?? 0) > 1) {
      name += hash(identity)
      hashed = true
    }
    if (candidate.namespace.length + name.length > 64) {
      const room = Math.max(0, 64 - candidate.namespace.length - 13)
      name = candidate.name.slice(0, room) + hash(identity)
      hashed = true
    }
    const exposed = (candidate.namespace + name).slice(0, 64)
    return changed(
      candidate.server,
      candidate.tool,
      exposed,
      candidate.name !== candidate.tool && 'sanitized',
      hashed && 'hashed'
    )
  })
}

// Zed (crates/agent/src/thread.rs): the raw tool name, cut at 64; a name another server also has
// becomes `<server>_<tool>`, the server id shortened to fit 64.
function zed(servers: readonly NamingServer[]): ExposedTool[] {
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
