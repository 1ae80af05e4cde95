// Shadowing: one server's text naming another server or its tools.
import { type ReferenceRule, referenceRule } from './reference-rules.js'

export interface ServerNames {
  readonly server: string
  readonly tools: readonly string[]
}

export interface ShadowingReference {
  readonly server: string
  readonly tool?: string
  readonly start: number
  readonly end: number
}

/** The spec's limit for tool names; server names are config keys and shorter in practice. */
const MAX_NAME_LENGTH = 128

interface NamedEntity {
  readonly server: string
  readonly tool?: string
  readonly rule: ReferenceRule
}

interface Candidate {
  readonly text: string
  readonly start: number
  readonly marked: boolean
  /** Only identifier-shaped tool names may match as the suffix of a longer token. */
  readonly suffix: boolean
}

const TOKEN = /[A-Za-z0-9](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?/g
const MARKER_AFTER = /^\s+(?:mcp\s+)?(?:tools?|servers?|functions?)\b/i
/** A verb that calls what follows: "use X", "call the X", "invoking X", "instead of X". */
const INVOCATION_BEFORE =
  /\b(?:use|uses|using|call|calls|calling|invoke|invokes|invoking|run|runs|running|trigger|prefer|instead\s+of|rather\s+than)\s+(?:the\s+)?$/i
const QUOTES_BEFORE = new Set(['`', '"', "'", '“', '‘'])
const QUOTES_AFTER = new Set(['`', '"', "'", '”', '’'])

/**
 * Shadowing (mcp-scan's cross-origin check, adapted): names of other servers and their tools that
 * a description mentions, first occurrence of each. A token that is one of the describing server's
 * own names is never a reference, even when another server shares the name.
 */
export function findShadowing(
  description: string,
  own: ServerNames,
  others: readonly ServerNames[]
): ShadowingReference[] {
  return new ShadowingIndex(others).find(description, own)
}

/**
 * The names of every server, indexed once: looking them up per description instead of rebuilding
 * them keeps a workspace of N servers at N descriptions' work, not N².
 */
export class ShadowingIndex {
  readonly #entities = new Map<string, NamedEntity[]>()

  constructor(servers: readonly ServerNames[]) {
    const add = (name: string, entity: NamedEntity): void => {
      const key = name.toLowerCase()
      const list = this.#entities.get(key)
      if (list === undefined) this.#entities.set(key, [entity])
      else list.push(entity)
    }
    for (const server of servers) {
      const serverRule = referenceRule(server.server, 'server')
      if (serverRule) add(server.server, { server: server.server, rule: serverRule })
      for (const tool of new Set(server.tools)) {
        const rule = referenceRule(tool, 'tool')
        if (rule) add(tool, { server: server.server, tool, rule })
      }
    }
  }

  /** The other servers' names in one of `own`'s descriptions. */
  find(description: string, own: ServerNames): ShadowingReference[] {
    const ownNames = new Set([own.server, ...own.tools].map((name) => name.toLowerCase()))
    const found = new Map<string, ShadowingReference>()
    for (const token of description.matchAll(TOKEN)) {
      if (ownNames.has(token[0].toLowerCase())) continue
      for (const candidate of candidatesIn(token[0], token.index)) {
        const key = candidate.text.toLowerCase()
        if (ownNames.has(key)) continue
        const end = candidate.start + candidate.text.length
        const marked = candidate.marked || isMarked(description, candidate.start, end)
        for (const entity of this.#entities.get(key) ?? []) {
          if (entity.server === own.server) continue
          if (entity.rule === 'marked' && !marked) continue
          if (entity.rule === 'invoked' && !marked && !isInvoked(description, candidate.start))
            continue
          if (candidate.suffix && !(entity.tool !== undefined && entity.rule === 'bare')) continue
          const id = `${entity.server}\u0000${entity.tool ?? ''}`
          if (found.has(id)) continue
          const reference = { server: entity.server, start: candidate.start, end }
          found.set(id, entity.tool === undefined ? reference : { ...reference, tool: entity.tool })
        }
      }
    }
    return [...found.values()].sort((a, b) => a.start - b.start)
  }
}

/**
 * The token itself, its `__` parts (Claude Code's `mcp__server__tool`), the rest after an `mcp_`
 * prefix, and its separator-led suffixes (`mcp_tool_send_email` names `send_email`).
 */
function candidatesIn(token: string, start: number): Candidate[] {
  const candidates: Candidate[] = [{ text: token, start, marked: false, suffix: false }]
  if (token.includes('__')) {
    let offset = 0
    for (const part of token.split('__')) {
      if (part && part !== token) {
        candidates.push({ text: part, start: start + offset, marked: true, suffix: false })
      }
      offset += part.length + 2
    }
  }
  const prefix = /^mcp[_-]/i.exec(token)
  if (prefix && !token.includes('__')) {
    const rest = token.slice(prefix[0].length)
    candidates.push({ text: rest, start: start + prefix[0].length, marked: true, suffix: false })
  }
  // Only the tail can hold a name, which keeps a megabyte-long `a.a.a…` token linear.
  const tail = Math.max(0, token.length - MAX_NAME_LENGTH - 1)
  for (let from = token.length - 2; from >= tail; from--) {
    if (!'_.-'.includes(token.charAt(from))) continue
    const text = token.slice(from + 1)
    candidates.push({ text, start: start + from + 1, marked: false, suffix: true })
  }
  return candidates
}

function isInvoked(text: string, start: number): boolean {
  return INVOCATION_BEFORE.test(text.slice(Math.max(0, start - 24), start))
}

function isMarked(text: string, start: number, end: number): boolean {
  const quoted = QUOTES_BEFORE.has(text.charAt(start - 1)) && QUOTES_AFTER.has(text.charAt(end))
  return quoted || MARKER_AFTER.test(text.slice(end, end + 24))
}
