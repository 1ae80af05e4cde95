import { join } from 'node:path'
import { plural } from '../util/plural.js'
import { redactConfigLine } from '../detect/redact.js'
import { planFixes } from '../fix/plan-fixes.js'
import type { LintOptions } from '../lint.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { unifiedDiff } from '../sync/unified-diff.js'
import type { CliIO } from './io.js'

/**
 * `check --fix` writes the mechanical fixes of the findings that have one; `--fix-dry-run` shows
 * them as a diff and writes nothing. Either way it says what it fixed, skipped or left.
 */
export async function runFixes(
  options: LintOptions,
  dryRun: boolean,
  io: CliIO,
  where: { readonly only?: ReadonlySet<string>; readonly diffToStderr?: boolean } = {}
): Promise<void> {
  const { only } = where
  const planned = await planFixes(options)
  // Given files (a pre-commit hook's), fix only those: the others are not the commit's.
  const plan =
    only === undefined
      ? planned
      : {
          ...planned,
          files: planned.files.filter((file) => only.has(file.path)),
          skipped: planned.skipped.filter((skipped) => only.has(skipped.path))
        }
  for (const skipped of plan.skipped)
    io.stderr(`${escapeLogLine(`skipped ${skipped.path}: ${skipped.reason}`)}\n`)
  const count = plan.files.reduce((total, file) => total + file.fixed.length, 0)
  if (dryRun) {
    // The diff shows config text: secrets in it are masked like everywhere else.
    const write = where.diffToStderr === true ? io.stderr : io.stdout
    for (const file of plan.files)
      write(
        unifiedDiff(file.path, file.before, file.after).split('\n').map(redactConfigLine).join('\n')
      )
    io.stderr(
      count === 0
        ? 'nothing to fix\n'
        : `${plural(count, 'finding')} can be fixed in ${plural(plan.files.length, 'file')}: run "mcp-lint check --fix" to write the fixes\n`
    )
    return
  }
  for (const file of plan.files)
    await io.writeFile(
      join(plan.root, file.path),
      `${file.byteOrderMark ? '\uFEFF' : ''}${file.after}`
    )
  if (count > 0)
    io.stderr(
      `fixed ${plural(count, 'finding')} in ${plural(plan.files.length, 'file')}: ${plan.files.map((file) => file.path).join(', ')}\n`
    )
}
