import { UsageError } from '../util/errors.js'
import { plural } from '../util/plural.js'
import type { EntryResult } from '../model/tools.js'
import type { EnumerateRequest, LintOptions } from '../lint.js'
import { lock } from '../lockfile/lock.js'
import { LOCKFILE_PATH } from '../lockfile/lockfile.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { TOOL_NAME } from '../version.js'
import { writeRepoFile } from '../util/write-repo-file.js'
import { ExitCode, type CliIO } from './io.js'

/**
 * Servers mcp-lint does not start, whatever the run: named, without failing, since running lock
 * again would not pin them. Failing is for what could go right next time (a crash, a timeout, no
 * sandbox on this machine).
 */
const leftOut: Readonly<Record<string, string>> = {
  remote: 'a remote server (add --remote to pin it)',
  disabled: 'disabled in its file',
  docker: 'runs in a container, which mcp-lint does not start',
  'launcher-unavailable': 'mcp-lint cannot start it',
  'not-allowed': 'mcp-lint does not start it'
}

/**
 * `mcp-lint lock`: writes the lockfile with every server that could be pinned, and exits 1 naming
 * each one that could not (it failed, timed out, or had no sandbox or launcher to run in).
 */
export async function runLock(
  options: LintOptions & { enumerate: EnumerateRequest },
  io: CliIO,
  done: () => void
): Promise<number> {
  let result: Awaited<ReturnType<typeof lock>>
  try {
    result = await lock(options)
  } finally {
    done()
  }
  if (result.enumeration.refused !== undefined)
    throw new UsageError(`nothing was locked: ${result.enumeration.refused}`)
  if (result.text !== result.before) await writeRepoFile(options.root, LOCKFILE_PATH, result.text)
  const entries = result.enumeration.entries
  const locked = new Set(entries.filter((e) => e.status === 'ok').map((e) => e.name))
  io.stdout(
    `${result.text === result.before ? 'unchanged' : 'wrote'} ${LOCKFILE_PATH}: ${plural(locked.size, 'server')} pinned\n`
  )
  const unpinned = entries.filter(
    (entry) =>
      entry.status === 'failed' ||
      (entry.status === 'skipped' && leftOut[entry.reason ?? ''] === undefined)
  )
  for (const entry of firstPerName(entries))
    if (entry.status === 'skipped' && leftOut[entry.reason ?? ''] !== undefined)
      io.stderr(
        line(
          `${entry.name} (${entry.file}) not pinned: ${leftOut[entry.reason ?? '']}${entry.detail === undefined || entry.detail === '' ? '' : ` (${entry.detail})`}`
        )
      )
  for (const entry of firstPerName(unpinned)) io.stderr(line(describeUnpinned(entry)))
  if (unpinned.length === 0) return ExitCode.ok
  const names = [...new Set(unpinned.map((entry) => entry.name))]
  io.stderr(
    line(
      `${plural(names.length, 'server was', 'servers were')} not pinned: ${names.join(', ')}; their previous pins, if any, are kept`
    )
  )
  return ExitCode.findings
}

function describeUnpinned(entry: EntryResult): string {
  const why = entry.detail === undefined || entry.detail === '' ? '' : `: ${entry.detail}`
  return `${entry.name} (${entry.file}) could not be pinned: ${entry.reason ?? entry.status}${why}`
}

/** A server configured in several files is one launch: name it once, at its first file. */
function firstPerName(entries: readonly EntryResult[]): EntryResult[] {
  const seen = new Set<string>()
  return entries.filter((entry) => !seen.has(entry.name) && seen.add(entry.name))
}

function line(text: string): string {
  return `${escapeLogLine(`${TOOL_NAME}: ${text}`)}\n`
}
