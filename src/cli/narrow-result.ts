import type { Diagnostic } from '../model/diagnostic.js'
import { summarize, type LintResult } from '../lint.js'

/** The result with only the findings `keep` accepts, counted again. */
export function keepDiagnostics(
  result: LintResult,
  keep: (diagnostic: Diagnostic) => boolean
): LintResult {
  const diagnostics = result.diagnostics.filter(keep)
  return {
    ...result,
    diagnostics,
    summary: summarize(diagnostics),
    ...(result.baseline === undefined
      ? {}
      : { baseline: { ...result.baseline, known: result.baseline.known.filter(keep) } })
  }
}

/** The result for some files only (a pre-commit hook's staged files): their findings and servers. */
export function keepFiles(result: LintResult, paths: ReadonlySet<string>): LintResult {
  return {
    ...keepDiagnostics(result, (diagnostic) => paths.has(diagnostic.file)),
    files: result.files.filter((file) => paths.has(file.path)),
    servers: result.servers.filter((server) => paths.has(server.file)),
    platforms: result.platforms.filter((platform) => paths.has(platform.file))
  }
}
