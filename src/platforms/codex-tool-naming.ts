import { hexDigest } from '../util/digest.js'
import { changed, colliding, type ExposedTool, type NamingServer } from './tool-naming.js'

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

export function exposeTools(servers: readonly NamingServer[]): ExposedTool[] {
  const sanitize = (name: string) => name.replace(/[^A-Za-z0-9_]/gu, '_') || '_'
  const hash = (input: string) => `_${hexDigest('sha1', input).slice(0, 12)}`
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
