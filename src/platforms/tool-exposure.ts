import type { Certainty } from './certainty.js'
import type { ExposedTool, NamingServer } from './tool-naming.js'

/**
 * How a client names MCP tools for the model (../shared/docs/platforms.md §4.4): the formula, and
 * what it does when names meet. Shared helpers live in tool-naming.ts.
 */
export interface ToolNaming {
  /** Every tool of every server under the name the client exposes it as, in server order. */
  readonly expose: (servers: readonly NamingServer[]) => ExposedTool[]
  readonly certainty: Certainty
  /** What the client does when two tools end up under one exposed name, for the message. */
  readonly clash: string
  /**
   * What the client does with a raw tool name two servers share: the model tells them apart by
   * the server prefix (absent), or the client renames them `<server>_<tool>` (Zed).
   */
  readonly sharedName?: 'renamed'
  /** A server name the formula mishandles: why, for the message, and whether every tool breaks. */
  readonly serverName?: (server: string) => ServerNameProblem | undefined
  /** Why the formula drops, refuses or overlengthens a tool name, and what fixes it. */
  readonly why?: Partial<Record<'dropped' | 'too-long' | 'invalid', NameChangeReason>>
}

export interface NameChangeReason {
  /** The clause after "… tools of server X": "because server and tool names reach 60 characters". */
  readonly reason: string
  readonly fix: string
}

export interface ServerNameProblem {
  readonly message: string
  /** Every tool of the server is refused (not just misread): a finding about each tool would repeat it. */
  readonly breaksTools: boolean
}

/** A number a platform enforces, with where it was read and when it was last checked. */
export interface SourcedLimit {
  readonly value: number
  /** Issue, doc page or source file the number comes from. */
  readonly source: string
  /** ISO date the source was read. */
  readonly checked: string
}

/**
 * Tool counts above which a platform degrades (warning) or fails (error). Both are defaults:
 * mcp-lint.json `toolLimits` overrides them per platform.
 */
export interface ToolLimits {
  readonly warning?: SourcedLimit
  readonly error?: SourcedLimit
  readonly certainty: Certainty
  /** What happens above the limit, for the message. */
  readonly consequence: string
}

/** Server fields a platform applies to the tool list before the model sees it. */
export interface ToolFilters {
  /** An allow-list: only these tools are loaded. */
  readonly allow?: string
  /** A deny-list, applied after the allow-list. */
  readonly deny?: string
  /**
   * A list field that leaves all of the server's tools out of the model request when it holds
   * `value` (Codex `omit_tools_from = ["direct"]`).
   */
  readonly omit?: { readonly field: string; readonly value: string }
  /**
   * Verified: how the client reads a string where a filter list belongs. Gemini CLI 0.61.0 throws
   * on a string allow-list, so no tool passes, and tests a string deny-list with String.includes,
   * so every tool whose name the string contains is removed.
   */
  readonly scalar?: {
    readonly allow: 'nothing'
    readonly deny: 'substring'
    readonly verified: string
  }
}

/**
 * Settings outside the server map that name which servers the client starts (Gemini CLI
 * `mcp.allowed`/`mcp.excluded`): each a property path from the file's root to a list of names.
 */
export interface ServerLists {
  /** Only these servers start; an empty list admits every server. */
  readonly allow: readonly string[]
  /** These never start, whatever the allow-list says. */
  readonly deny: readonly string[]
  /** The client version and date the behaviour was checked. */
  readonly verified: string
}

export interface ToolExposure {
  readonly naming?: ToolNaming
  readonly limits?: ToolLimits
  readonly filters?: ToolFilters
  readonly servers?: ServerLists
}
