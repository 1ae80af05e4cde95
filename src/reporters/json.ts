import type { LintResult } from '../lint.js'
import { TOOL_NAME, VERSION } from '../version.js'

/** The versioned JSON report; later fields are only ever added, never renamed. */
export function formatJson(result: LintResult): string {
  const report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    files: result.files,
    ...(result.enumeration === undefined ? {} : { enumeration: result.enumeration }),
    servers: result.servers,
    diagnostics: result.diagnostics.map((d) => ({
      ruleId: d.ruleId,
      severity: d.severity,
      message: d.message,
      file: d.file,
      line: d.range.start.line,
      column: d.range.start.column,
      endLine: d.range.end.line,
      endColumn: d.range.end.column,
      ...(d.platform === undefined ? {} : { platform: d.platform }),
      ...(d.server === undefined ? {} : { server: d.server })
    })),
    summary: result.summary
  }
  return `${JSON.stringify(report, null, 2)}\n`
}
