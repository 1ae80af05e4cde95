import { severityRank, type Diagnostic, type Severity } from '../model/diagnostic.js'

export interface Annotation {
  readonly level: Severity
  readonly message: string
  readonly properties: {
    readonly title: string
    readonly file: string
    readonly startLine: number
    readonly endLine: number
    readonly startColumn?: number
    readonly endColumn?: number
  }
}

/** GitHub shows at most 10 annotations of each level per step and drops the rest silently. */
export const ANNOTATIONS_PER_LEVEL = 10

/**
 * Annotations within GitHub's budget, the ones that matter first: errors, then warnings, then
 * notices, and within a level the findings on lines the pull request changed (the reviewer is
 * looking there), then the rest in report order. Says how many did not fit.
 */
export function annotationsWithinBudget(
  diagnostics: readonly Diagnostic[],
  /** Directory of the linted repository relative to the workspace, `''` when it is the workspace. */
  prefix = '',
  /** Whether the pull request changed a line of a repo-relative file; none are, outside PRs. */
  changed: (file: string, line: number) => boolean = () => false
): {
  annotations: Annotation[]
  omitted: number
} {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  const touched = (d: Diagnostic) => {
    for (let line = d.range.start.line; line <= d.range.end.line; line++)
      if (changed(d.file, line)) return true
    return false
  }
  const ranked = diagnostics
    .map((diagnostic, index) => ({ diagnostic, index, touched: touched(diagnostic) }))
    .sort(
      (a, b) =>
        severityRank[b.diagnostic.severity] - severityRank[a.diagnostic.severity] ||
        Number(b.touched) - Number(a.touched) ||
        a.index - b.index
    )
  const annotations: Annotation[] = []
  for (const { diagnostic } of ranked) {
    if (used[diagnostic.severity] >= ANNOTATIONS_PER_LEVEL) continue
    used[diagnostic.severity]++
    annotations.push(toAnnotation(diagnostic, prefix))
  }
  return { annotations, omitted: diagnostics.length - annotations.length }
}

function toAnnotation(d: Diagnostic, prefix: string): Annotation {
  const { start, end } = d.range
  // The toolkit forbids columns on annotations that span lines.
  const columns =
    start.line === end.line ? { startColumn: start.column, endColumn: end.column } : {}
  return {
    level: d.severity,
    message: d.message,
    properties: {
      title: `mcp-lint(${d.ruleId})`,
      file: prefix === '' || prefix.startsWith('..') ? d.file : `${prefix}/${d.file}`,
      startLine: start.line,
      endLine: end.line,
      ...columns
    }
  }
}
