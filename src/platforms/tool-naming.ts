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

// Claude Code 2.1.332 (verified against the client 2026-12-03, __tests__/clients/cases/
// claude-code.ts `names-*`, `naming-*`): `mcp__<server>__<tool>`, in both the server name and the
// tool name every UTF-16 unit outside [A-Za-z0-9_-] becomes `_` (an emoji is two). Names are not
// cut: 2.1.332 sends them at any length, though the Anthropic API rejects names over 64
// (anthropics/claude-code#2412, tool_reference #19882). Servers that sanitise to one name share
// its tools: a name two of them produce is sent once, from whichever server connected first.
function claudeCode(server: string, tool: string): ExposedTool {
  const safeServer = server.replace(/[^A-Za-z0-9_-]/g, '_')
  const safe = tool.replace(/[^A-Za-z0-9_-]/g, '_')
  const exposed = `mcp__${safeServer}__${safe}`
  return changed(
    server,
    tool,
    exposed,
    (safe !== tool || safeServer !== server) && 'sanitized',
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

// Codex 0.171.0 (verified against the client 2026-12-03, __tests__/clients/cases/codex.ts
// `naming-*`; source: openai/codex codex-rs/codex-mcp/src/tools.rs
// normalize_tools_for_model_with_prefix). Each server's tools go to the model as one Responses API
// namespace `mcp__<server>` holding the tools under their own names; flattened with Codex's `__`
// delimiter, the model sees `mcp__<server>__<tool>`.
// - Server and tool names keep [A-Za-z0-9_]; any other character becomes `_`. A sanitized server
//   name that already starts with `mcp__` gets no second prefix.
// - A namespace only gets a hash when two servers clean up to the same one: each then ends in
//   `_` + the first 12 hex digits of SHA-1("<server>\0<server>\0"). Likewise two tools of one
//   namespace that clean up to the same name both get `_` + SHA-1("<server>\0<server>\0\0<tool>\0<tool>").
// - A server listing the same tool twice contributes it once.
// - Last, in the order of those identities, a name whose namespace and tool joined without the
//   delimiter was already handed out (`a` + `bc`, `ab` + `c`) gets the tool's hash too.
// - No length cap: 0.171.0 sends namespaces and tool names longer than 64 characters unchanged.
const codexPrefix = 'mcp__'

function codex(servers: readonly NamingServer[]): ExposedTool[] {
  const sanitize = (name: string) => name.replace(/[^A-Za-z0-9_]/gu, '_') || '_'
  const hash = (input: string) => `_${createHash('sha1').update(input).digest('hex').slice(0, 12)}`
  const seen = new Set<string>()
  const candidates = servers.flatMap((server) => {
    const clean = sanitize(server.name)
    const namespace = clean.startsWith(codexPrefix) ? clean : `${codexPrefix}${clean}`
    const namespaceIdentity = `${server.name}\u0000${server.name}\u0000`
    return server.tools.flatMap((tool) => {
      const identity = `${namespaceIdentity}\u0000${tool}\u0000${tool}`
      if (seen.has(identity)) return []
      seen.add(identity)
      const name = sanitize(tool)
      return [
        { server: server.name, tool, namespaceIdentity, identity, namespace, name, hashed: false }
      ]
    })
  })
  const hashedNamespaces = colliding(
    candidates,
    (c) => c.namespace,
    (c) => c.namespaceIdentity
  )
  for (const candidate of candidates) {
    if (!hashedNamespaces.has(candidate.namespace)) continue
    candidate.namespace += hash(candidate.namespaceIdentity)
    candidate.hashed = true
  }
  const hashedNames = colliding(
    candidates,
    (c) => `${c.namespace}\u0000${c.name}`,
    (c) => c.identity
  )
  for (const candidate of candidates) {
    if (!hashedNames.has(`${candidate.namespace}\u0000${candidate.name}`)) continue
    candidate.name += hash(candidate.identity)
    candidate.hashed = true
  }
  const used = new Set<string>()
  const exposed = new Map<string, string>()
  const ordered = [...candidates].sort((a, b) =>
    Buffer.compare(Buffer.from(a.identity), Buffer.from(b.identity))
  )
  for (const candidate of ordered) {
    let name = candidate.name
    for (let attempt = 0; used.has(candidate.namespace + name); attempt++) {
      name =
        candidate.name +
        hash(attempt === 0 ? candidate.identity : `${candidate.identity}\u0000${String(attempt)}`)
      candidate.hashed = true
    }
    used.add(candidate.namespace + name)
    exposed.set(candidate.identity, `${candidate.namespace}__${name}`)
  }
  return candidates.map((candidate) => {
    const name = exposed.get(candidate.identity) ?? ''
    return changed(
      candidate.server,
      candidate.tool,
      name,
      sanitize(candidate.tool) !== candidate.tool && 'sanitized',
      candidate.hashed && 'hashed'
    )
  })
}

/** Keys that more than one distinct identity maps to. */
function colliding<T>(
  items: readonly T[],
  keyOf: (item: T) => string,
  identityOf: (item: T) => string
): Set<string> {
  const owners = new Map<string, Set<string>>()
  for (const item of items) {
    const key = keyOf(item)
    owners.set(key, (owners.get(key) ?? new Set()).add(identityOf(item)))
  }
  return new Set([...owners].filter(([, identities]) => identities.size > 1).map(([key]) => key))
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
