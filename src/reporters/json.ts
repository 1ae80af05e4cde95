import type { Diagnostic } from '../model/diagnostic.js'
import type { LintResult } from '../lint.js'
import { TOOL_NAME, VERSION } from '../version.js'
import { stringifyJson } from './escape/json.js'

/**
 * Where a report comes from, for the fork-safe two-workflow setup: the `pull_request` run records
 * the pull request and commit, and the `workflow_run` run that posts the comment checks them.
 */
export interface ReportContext {
  readonly repository: string
  readonly pullRequest?: number
  readonly headSha?: string
  readonly workflow?: string
  /** The `path` input, which keys the sticky comment. */
  readonly path?: string
}

/** The versioned JSON report; later fields are only ever added, never renamed. */
export function formatJson(result: LintResult, context?: ReportContext): string {
  const report = {
    schemaVersion: 1,
    tool: { name: TOOL_NAME, version: VERSION },
    ...(context === undefined ? {} : { github: context }),
    files: result.files,
    ...(result.enumeration === undefined ? {} : { enumeration: result.enumeration }),
    servers: result.servers,
    platforms: result.platforms,
    diagnostics: result.diagnostics.map(diagnosticJson),
    ...(result.baseline === undefined
      ? {}
      : {
          baseline: {
            path: result.baseline.path,
            known: result.baseline.known.map(diagnosticJson)
          }
        }),
    summary: result.summary,
    ignored: result.ignored
  }
  return stringifyJson(report)
}

function diagnosticJson(d: Diagnostic) {
  return {
    ruleId: d.ruleId,
    messageId: d.messageId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
    ...(d.platform === undefined ? {} : { platform: d.platform }),
    ...(d.server === undefined ? {} : { server: d.server }),
    ...(d.fix === undefined
      ? {}
      : {
          fix: {
            description: d.fix.description,
            edits: d.fix.edits.map((edit) => ({
              line: edit.range.start.line,
              column: edit.range.start.column,
              endLine: edit.range.end.line,
              endColumn: edit.range.end.column,
              offset: edit.offset,
              length: edit.length,
              text: edit.text
            }))
          }
        })
  }
}
