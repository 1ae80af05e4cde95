import { readFile, stat } from 'node:fs/promises'
import type { Diagnostic } from '../model/diagnostic.js'
import { UsageError } from '../util/errors.js'
import { loadValidators, validatePlain } from '../parse/schema.js'
import type { LintResult } from '../lint.js'
import type { ReportContext } from '../reporters/json.js'
import { reportSchema } from '../reporters/json-schema.js'

/** Reports over this size are refused: the largest real report is a few megabytes. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024

interface DiagnosticEntry {
  ruleId: string
  messageId: string
  severity: Diagnostic['severity']
  message: string
  file: string
  line: number
  column: number
  endLine: number
  endColumn: number
  platform?: Diagnostic['platform']
  server?: string
  fix?: {
    description: string
    edits: readonly {
      line: number
      column: number
      endLine: number
      endColumn: number
      offset: number
      length: number
      text: string
    }[]
  }
}

interface ReportFile {
  readonly github?: ReportContext
  readonly files: LintResult['files']
  readonly enumeration?: LintResult['enumeration']
  readonly servers: LintResult['servers']
  readonly platforms: LintResult['platforms']
  readonly diagnostics: readonly DiagnosticEntry[]
  readonly baseline?: { readonly path: string; readonly known: readonly DiagnosticEntry[] }
  readonly summary: LintResult['summary']
  readonly ignored?: number
}

/**
 * A JSON report written by another run, as `mode: report` reads it in a `workflow_run` workflow.
 * It came from an untrusted pull request, so it is size-capped and validated against the report
 * schema before any field is used; what it says is still only data to escape and display.
 */
export async function readReport(
  path: string
): Promise<{ result: LintResult; context: ReportContext | undefined }> {
  let text: string
  try {
    if ((await stat(path)).size > MAX_REPORT_BYTES)
      throw new UsageError(`${path} is larger than ${MAX_REPORT_BYTES / 1024 / 1024} MiB`)
    text = await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(
      `cannot read the report ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}): download the artifact the pull_request run uploaded first`
    )
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    // JSON.parse's message quotes the input; the report is not ours to print.
    throw new UsageError(`${path} is not JSON`)
  }
  await loadValidators(['mcp-lint-report'])
  const problems = validatePlain('mcp-lint-report', reportSchema(), data)
  if (problems.length > 0)
    throw new UsageError(`${path} is not an mcp-lint report: ${problems.join('; ')}`)
  const report = data as ReportFile
  return {
    context: report.github,
    result: {
      files: report.files,
      servers: report.servers,
      platforms: report.platforms,
      ...(report.enumeration === undefined ? {} : { enumeration: report.enumeration }),
      diagnostics: report.diagnostics.map(toDiagnostic),
      ...(report.baseline === undefined
        ? {}
        : {
            baseline: {
              path: report.baseline.path,
              known: report.baseline.known.map(toDiagnostic)
            }
          }),
      summary: report.summary,
      ignored: report.ignored ?? 0
    }
  }
}

function toDiagnostic(d: DiagnosticEntry): Diagnostic {
  return {
    ruleId: d.ruleId,
    messageId: d.messageId,
    severity: d.severity,
    message: d.message,
    file: d.file,
    range: {
      start: { line: d.line, column: d.column },
      end: { line: d.endLine, column: d.endColumn }
    },
    ...(d.platform === undefined ? {} : { platform: d.platform }),
    ...(d.server === undefined ? {} : { server: d.server }),
    ...(d.fix === undefined
      ? {}
      : {
          fix: {
            description: d.fix.description,
            edits: d.fix.edits.map((edit) => ({
              range: {
                start: { line: edit.line, column: edit.column },
                end: { line: edit.endLine, column: edit.endColumn }
              },
              offset: edit.offset,
              length: edit.length,
              text: edit.text
            }))
          }
        })
  }
}
