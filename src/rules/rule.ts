import type { Fix, Severity } from '../model/diagnostic.js'
import type { ToolLimitSetting } from '../model/limits.js'
import type { AnyConfigFile, Workspace } from '../model/workspace.js'
import type { Location } from '../model/location.js'
import type { Enumeration, EntryResult } from '../model/tools.js'

/** Message builders keyed by messageId; `data` is type-checked against each builder's parameter. */
export type Messages = Record<string, (data: never) => string>

export interface ReportOptions {
  /** The server the finding is about, for reports grouped by server. */
  readonly server?: string
  /** The finding rests on a platform fact marked unconfirmed: one severity level milder. */
  readonly unconfirmed?: boolean
  /**
   * Levels below the rule's severity for a weaker case of the rule (a soft limit, a likely but
   * unproven secret), so the user's severity setting still scales every case.
   */
  readonly milder?: 1 | 2
  /** The edit that resolves the finding, where one is mechanical. */
  readonly fix?: Fix
}

/** Thresholds from mcp-lint.json that rules read; defaults apply where the user set none. */
export interface RuleSettings {
  /** Per platform id: tool counts that warn and fail; null turns a threshold off. */
  readonly toolLimits: Readonly<Record<string, ToolLimitSetting | undefined>>
  /** A server slower than this to answer `initialize` is reported by server-slow-start. */
  readonly slowStartMs: number
}

export type { ToolLimitSetting }

export const defaultRuleSettings: RuleSettings = { toolLimits: {}, slowStartMs: 5000 }

export type Report<M extends Messages> = <K extends keyof M & string>(
  messageId: K,
  at: Location,
  data: Parameters<M[K]>[0],
  options?: ReportOptions
) => void

interface Context<M extends Messages> {
  // A property, not a method, so `check({ report })` destructuring is safe.
  readonly report: Report<M>
  readonly settings: RuleSettings
}
export interface FileContext<M extends Messages> extends Context<M> {
  readonly file: AnyConfigFile
}
export interface WorkspaceContext<M extends Messages> extends Context<M> {
  readonly workspace: Workspace
}
export interface ToolsContext<M extends Messages> extends WorkspaceContext<M> {
  readonly tools: Enumeration
}

/** A config file shown in the rule's docs; examples are executed by the meta tests. */
export interface Example {
  readonly path: string
  readonly text: string
  /** Other files of the same repository, for rules that compare files. */
  readonly others?: readonly { readonly path: string; readonly text: string }[]
  /** For tools rules: what enumeration found (statuses and tool lists), and the lockfile's text. */
  readonly enumeration?: readonly EntryResult[]
  readonly lockfile?: string
  /** For rules with thresholds: the mcp-lint.json settings the example runs with. */
  readonly settings?: Partial<RuleSettings>
  /**
   * The base branch's mcp-lint.json, when the example is a pull request's own mcp-lint.json (at
   * `path`) checked against it.
   */
  readonly baseSettings?: string | null
}

interface RuleBase<M extends Messages> {
  /** kebab-case, subject first; equals the file name. */
  readonly id: string
  /** Default severity; the user's config may change it or turn the rule off. */
  readonly severity: Severity
  readonly docs: {
    /** "Disallow …", "Require …" or "Limit …", no trailing period. */
    readonly description: string
    /** Why it matters, rendered into docs/rules/<id>.md and SARIF. */
    readonly rationale: string
    /** More Markdown for the docs page (a table of platform defaults, say), after the rationale. */
    readonly details?: string
    readonly examples: { readonly invalid: readonly Example[]; readonly valid: readonly Example[] }
  }
  readonly messages: M
}

/**
 * The phase says what a rule needs: one file, the whole workspace, or enumerated tools ('tools'
 * rules do not run when servers were not enumerated).
 */
export type RuleDefinition<M extends Messages> = RuleBase<M> &
  (
    | { readonly phase: 'file'; check(context: FileContext<M>): void }
    | { readonly phase: 'workspace'; check(context: WorkspaceContext<M>): void }
    | { readonly phase: 'tools'; check(context: ToolsContext<M>): void }
  )

export type Rule = RuleDefinition<Messages>

export function defineRule<M extends Messages>(rule: RuleDefinition<M>): RuleDefinition<M> {
  return rule
}
