import type { Diagnostic, Severity } from '../../src/model/diagnostic.js'
import type { LintResult } from '../../src/lint.js'

/** A config-schema finding on line `index + 1`, for reporter tests that need many. */
export function finding(
  index: number,
  severity: Severity,
  message = `finding number ${index}`
): Diagnostic {
  return {
    ruleId: 'config-schema',
    messageId: 'schema',
    message,
    severity,
    file: `.mcp.json`,
    range: { start: { line: index + 1, column: 1 }, end: { line: index + 1, column: 5 } }
  }
}

/** A lint result with these findings in place of its own, and the summary counted from them. */
export function withFindings(base: LintResult, diagnostics: readonly Diagnostic[]): LintResult {
  const count = (severity: Severity) => diagnostics.filter((d) => d.severity === severity).length
  return {
    ...base,
    diagnostics,
    summary: { errors: count('error'), warnings: count('warning'), notices: count('notice') }
  }
}
