import type { DialectId } from '../platforms/platform.js'
import type { Range } from './location.js'

/** The same words as GitHub annotation levels. */
export type Severity = 'error' | 'warning' | 'notice'
export type SeveritySetting = Severity | 'off'

export const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, notice: 1 }

/** One replacement in a file's text: the `length` characters at `offset` become `text`. */
export interface TextEdit {
  readonly range: Range
  readonly offset: number
  readonly length: number
  readonly text: string
}

/**
 * A mechanical fix: edits in the finding's own file, in the platform's own syntax, touching
 * nothing else. `check --fix` applies it; JSON and SARIF carry it. Never holds a secret.
 */
export interface Fix {
  /** What the fix does, for people: `write "${env:GITHUB_TOKEN}"`. */
  readonly description: string
  readonly edits: readonly TextEdit[]
}

export interface Diagnostic {
  readonly ruleId: string
  /** Tests assert on it; stable across message wording changes. */
  readonly messageId: string
  /** Already free of secrets. */
  readonly message: string
  /** Resolved from the rule's default and the user's config. */
  readonly severity: Severity
  /** Repo-relative, `/`-separated. */
  readonly file: string
  readonly range: Range
  readonly platform?: DialectId
  readonly server?: string
  readonly fix?: Fix
}

/** Sorts by file, line, column, rule and message, as actionlint does, so output is deterministic. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareText(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.message, b.message)
  )
}

/** Code-unit order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
