import type { Diagnostic, Severity } from '../core/diagnostic.js'

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

/** Annotations for the first findings of each level (findings arrive sorted), and how many did not fit. */
export function annotationsWithinBudget(
  diagnostics: readonly Diagnostic[],
  /** Directory of the linted repository relative to the workspace, `''` when it is the workspace. */
  prefix = ''
): {
  annotations: Annotation[]
  omitted: number
} {
  const used: Record<Severity, number> = { error: 0, warning: 0, notice: 0 }
  const annotations: Annotation[] = []
  for (const diagnostic of diagnostics) {
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
