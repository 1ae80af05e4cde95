import type { Diagnostic, TextEdit } from '../model/diagnostic.js'
import { parseConfigText, prepareDialects } from '../parse/load.js'
import { plural } from '../util/plural.js'
import { readRepoFile } from '../parse/read-file.js'
import { dialects } from '../platforms/index.js'
import type { Dialect } from '../platforms/platform.js'
import { lintFiles } from '../lint-text.js'
import { lint, type LintOptions, type LintResult } from '../lint.js'
import { rules } from '../rules/index.js'

/** One file `check --fix` changes: its text before and after, and the findings it fixes. */
export interface FixedFile {
  readonly path: string
  readonly before: string
  readonly after: string
  readonly byteOrderMark: boolean
  readonly fixed: readonly Diagnostic[]
}

export interface FixPlan {
  readonly root: string
  readonly files: readonly FixedFile[]
  /** Files with fixes that were not applied, and why. */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[]
  /** The lint the fixes come from. */
  readonly result: LintResult
}

/** Findings that make a file unusable: a fix must never add one. */
const breaking = new Set(['config-syntax', 'config-duplicate-key', 'config-schema'])

/**
 * The fixes of every finding that has one, applied to the files' text in memory: edits that
 * overlap an earlier one wait for the next run. Every changed file is linted again and kept only
 * if it holds the same servers and no new syntax or schema error: a fix never breaks a file.
 */
export async function planFixes(options: LintOptions): Promise<FixPlan> {
  await prepareDialects(dialects)
  const result = await lint(options)
  const byFile = new Map<string, Diagnostic[]>()
  for (const diagnostic of result.diagnostics)
    if (diagnostic.fix !== undefined)
      byFile.set(diagnostic.file, [...(byFile.get(diagnostic.file) ?? []), diagnostic])
  const files: FixedFile[] = []
  const skipped: { path: string; reason: string }[] = []
  for (const [path, diagnostics] of [...byFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const read = await readRepoFile(options.root, path, { maxBytes: 64 * 1024 * 1024 })
    if (read.status !== 'ok') {
      skipped.push({ path, reason: 'it could not be read again' })
      continue
    }
    const id = result.files.find((file) => file.path === path)?.platform
    const dialect = dialects.find((candidate) => candidate.id === id)
    const check = fixChecker(path, dialect, read.text)
    let { text, fixed } = applyFixes(read.text, diagnostics)
    let problem = check(text)
    if (problem !== undefined && diagnostics.length > 1) {
      // One bad edit must not cost the file its other fixes: keep each fix that passes alone.
      const kept = diagnostics.filter(
        (diagnostic) => check(applyFixes(read.text, [diagnostic]).text) === undefined
      )
      ;({ text, fixed } = applyFixes(read.text, kept))
      problem = kept.length === 0 ? problem : check(text)
      const left = diagnostics.length - fixed.length
      if (problem === undefined && left > 0)
        skipped.push({
          path,
          reason: `${plural(left, 'fix', 'fixes')} would break it and ${left === 1 ? 'was' : 'were'} left out`
        })
    }
    if (problem !== undefined) skipped.push({ path, reason: problem })
    else if (text !== read.text)
      files.push({ path, before: read.text, after: text, byteOrderMark: read.byteOrderMark, fixed })
  }
  return { root: options.root, files, skipped, result }
}

/** Applies the findings' edits from the end of the text, each finding whole or not at all. */
export function applyFixes(
  text: string,
  diagnostics: readonly Diagnostic[]
): { text: string; fixed: Diagnostic[] } {
  const taken: TextEdit[] = []
  const fixed: Diagnostic[] = []
  const ordered = [...diagnostics].sort(
    (a, b) => (a.fix?.edits[0]?.offset ?? 0) - (b.fix?.edits[0]?.offset ?? 0)
  )
  for (const diagnostic of ordered) {
    const edits = diagnostic.fix?.edits ?? []
    if (edits.length === 0 || edits.some((edit) => overlaps(edit, taken))) continue
    if (edits.some((edit) => edit.offset < 0 || edit.offset + edit.length > text.length)) continue
    taken.push(...edits)
    fixed.push(diagnostic)
  }
  let result = text
  for (const edit of [...taken].sort((a, b) => b.offset - a.offset))
    result = result.slice(0, edit.offset) + edit.text + result.slice(edit.offset + edit.length)
  return { text: result, fixed }
}

function overlaps(edit: TextEdit, taken: readonly TextEdit[]): boolean {
  return taken.some(
    (other) => edit.offset < other.offset + other.length && other.offset < edit.offset + edit.length
  )
}

/**
 * A checker of fixed texts for one file: why a text must not be written, if it must not. The
 * original's shape is worked out once, not again for every fix tried.
 */
function fixChecker(
  path: string,
  dialect: Dialect | undefined,
  before: string
): (after: string) => string | undefined {
  if (dialect === undefined) return () => 'its format is not known here'
  const shape = (text: string) => ({
    breaking: lintFiles([{ path, text, platform: dialect }], rules).filter((finding) =>
      breaking.has(finding.ruleId)
    ).length,
    servers: parseConfigText(path, dialect, text)
      .servers.map((server) => server.name.value)
      .join('\n')
  })
  const was = shape(before)
  return (after) => {
    const now = shape(after)
    return now.breaking > was.breaking || now.servers !== was.servers
      ? 'the fixes would break it (a syntax or schema error, or a server lost); fix it by hand'
      : undefined
  }
}
