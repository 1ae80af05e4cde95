import { join } from 'node:path'
import { UsageError } from '../util/errors.js'
import { plural } from '../util/plural.js'
import { redactConfigLine } from '../detect/redact.js'
import type { LintOptions } from '../lint.js'
import { initSource, sync } from '../sync/run.js'
import { unifiedDiff } from '../sync/unified-diff.js'
import { writeRepoFile } from '../util/write-repo-file.js'
import type { CliIO } from './io.js'

/** `mcp-lint sync [--check | --init]`: plan with the sync module, then write or show the result. */
export async function runSync(
  options: LintOptions,
  mode: { check: boolean; init: boolean },
  io: CliIO
): Promise<number> {
  if (mode.check && mode.init) throw new UsageError('--check and --init cannot be combined')
  if (mode.init) {
    const plan = await initSource(options)
    await writeRepoFile(plan.root, plan.path, plan.text)
    io.stdout(`created ${plan.path} from the platform files\n`)
    for (const origin of plan.origins) {
      const others = origin.others.length > 0 ? ` (also in ${origin.others.join(', ')})` : ''
      io.stdout(`  server "${origin.server}" from ${origin.file}${others}\n`)
    }
    for (const conflict of plan.conflicts) io.stderr(`warning: ${conflict}\n`)
    for (const secret of plan.secrets)
      io.stderr(
        `warning: server "${secret.server}": ${secret.field} held a literal ${secret.kind} (${secret.masked}); the source reads \${${secret.variable}} instead: set ${secret.variable} where the clients run, and rotate the token, which stays in the git history\n`
      )
    io.stdout('next: review it, then run "mcp-lint sync" to write every platform file from it\n')
    return 0
  }
  const result = await sync(options)
  for (const finding of result.unexpressible) {
    const { line, column } = finding.range.start
    io.stderr(
      `${finding.file}:${line}:${column}: ${finding.severity} ${finding.message} [${finding.ruleId}]\n`
    )
  }
  for (const skipped of result.skipped) io.stderr(`skipped ${skipped.path}: it ${skipped.reason}\n`)
  for (const rename of result.renames)
    io.stderr(
      `${rename.path}: server "${rename.from}" is "${rename.to}" in the central source: ${mode.check ? 'sync renames it' : 'renamed'}\n`
    )
  if (mode.check) {
    // The diff shows config text: secrets in it are masked like everywhere else.
    for (const change of result.changes)
      io.stdout(
        unifiedDiff(change.path, change.before ?? '', change.after)
          .split('\n')
          .map(redactConfigLine)
          .join('\n')
      )
    if (result.changes.length > 0) {
      const list = result.changes.map((change) => change.path).join(', ')
      io.stderr(
        `${plural(result.changes.length, 'file differs', 'files differ')} from the central source: ${list}\nrun "mcp-lint sync" to write them\n`
      )
    }
  } else {
    for (const change of result.changes) {
      // A file sync creates may be a dangling symlink a branch planted: never written through.
      if (change.before === undefined) await writeRepoFile(result.root, change.path, change.after)
      else await io.writeFile(join(result.root, change.path), change.after)
      io.stdout(`${change.before === undefined ? 'created' : 'updated'} ${change.path}\n`)
    }
  }
  // A file that cannot be read is not in sync either: a CI job must not pass over it.
  const unreadable = result.skipped.filter((skipped) => skipped.unreadable)
  if (unreadable.length > 0) {
    const list = unreadable.map((skipped) => skipped.path).join(', ')
    io.stderr(
      `${plural(unreadable.length, 'file was', 'files were')} not ${mode.check ? 'checked' : 'written'}: ${list}\n`
    )
    return 1
  }
  if (result.changes.length === 0) {
    io.stdout('every platform file matches the central source\n')
    return 0
  }
  return mode.check ? 1 : 0
}
