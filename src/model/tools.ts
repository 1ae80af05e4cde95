import { hexDigest } from '../util/digest.js'
import type { PlainValue } from './tree.js'

/** A tool as a server lists it, reduced to what clients show the model. */
export interface ToolInfo {
  readonly name: string
  readonly title?: string
  readonly description?: string
  readonly inputSchema?: PlainValue
  readonly outputSchema?: PlainValue
  readonly annotations?: PlainValue
}

export type FailureReason =
  'timeout' | 'exited' | 'needs-credentials' | 'protocol-error' | 'command-not-found'

export interface Timings {
  /** Spawn to process running. */
  readonly startMs: number
  /** Spawn to `initialize` answered. */
  readonly initializeMs: number
  /** `tools/list` (every page). */
  readonly listMs: number
  readonly totalMs: number
  /**
   * Whether these times were measured with no other server starting beside it. A slow first start
   * under mcp-lint's own concurrency is measured again alone, and only an alone time is judged.
   */
  readonly alone?: boolean
}

/** What a server calls itself in `initialize`; VS Code names its tools after it. */
export interface ServerInfo {
  readonly name: string
  readonly version: string
  readonly title?: string | undefined
}

/** The outcome of launching one server and asking for its tools. */
export type ServerRun =
  | {
      readonly status: 'ok'
      readonly tools: readonly ToolInfo[]
      readonly prompts: number | undefined
      readonly resources: number | undefined
      readonly serverInfo: ServerInfo | undefined
      /** The server's `instructions` from `initialize`: text the client gives the model. */
      readonly instructions?: string | undefined
      readonly timings: Timings
      readonly peakRssBytes: number | undefined
    }
  | {
      readonly status: 'failed'
      readonly reason: FailureReason
      /** Why, from the error or the server's stderr, sanitised. */
      readonly detail: string
      readonly timings: Timings
      readonly peakRssBytes: number | undefined
    }

/** JSON with sorted keys, so equal values hash equally whatever order the server sent. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return value === undefined ? 'null' : JSON.stringify(value)
}

/**
 * The hash the lockfile pins: name, title, description, input and output schemas and annotations,
 * so a new parameter or a reworded schema description changes it, not only the description.
 */
export function toolHash(tool: ToolInfo): string {
  const { name, title, description, inputSchema, outputSchema, annotations } = tool
  const digest = hexDigest(
    'sha256',
    canonicalJson({ name, title, description, inputSchema, outputSchema, annotations })
  )
  return `sha256:${digest}`
}

/** Why a configured server was not started. */
export type SkipReason =
  | 'remote'
  | 'disabled'
  | 'not-allowed'
  | 'docker'
  | 'launcher-unavailable'
  | 'sandbox-unavailable'
  | 'refused-event'
  | 'run-timeout'

/** One server entry of one config file, and what enumeration made of it. */
export interface EntryResult {
  readonly file: string
  readonly name: string
  readonly status: 'ok' | 'failed' | 'skipped'
  readonly reason?: FailureReason | SkipReason
  readonly detail?: string
  /** Entries with the same launch share one run. */
  readonly launchKey?: string
  /** What was started (after placeholders), for the lockfile. */
  readonly launch?: { readonly command: string; readonly args: readonly string[] }
  readonly run?: ServerRun
  /** Variables given a placeholder instead of a value. */
  readonly placeholders: readonly string[]
  /** The npm package spec and the version that was run, for npx launches. */
  readonly package?: {
    readonly spec: string
    readonly name: string
    readonly version: string | undefined
  }
}

/** Everything enumeration found, for the tools rules and the reports. */
export interface Enumeration {
  readonly sandbox: 'bwrap' | 'sudo-bwrap' | 'none' | 'unavailable' | 'unused'
  /** Why nothing was launched, when nothing was. */
  readonly refused?: string
  readonly entries: readonly EntryResult[]
  readonly durationMs: number
}
