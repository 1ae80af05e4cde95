import type { Diagnostic } from '../model/diagnostic.js'
import { findSecrets } from '../detect/secrets.js'
import { applyFixes } from '../fix/plan-fixes.js'
import type { LintResult } from '../lint.js'
import { escapeMarkdown } from '../reporters/escape/markdown.js'
import type { ReviewComment } from './github-api.js'

/** Marks mcp-lint's review comments, so a later run does not post the same one again. */
export const SUGGESTION_MARKER = '<!-- mcp-lint:suggestion -->'

/** A pull request gets at most this many suggestions per run; the comment counts the rest. */
export const MAX_SUGGESTIONS = 20

/**
 * GitHub suggestion blocks for the findings whose fix changes one line the pull request changed:
 * the line as it would read fixed, which the author applies with one click. A line that would
 * still hold a secret after the fix (a second token on it) gets no suggestion: the block would
 * publish it.
 */
export function suggestionsFor(
  result: LintResult,
  read: (path: string) => string | undefined,
  prefix: string,
  changed: ReadonlyMap<string, ReadonlySet<number>>
): ReviewComment[] {
  const suggestions: ReviewComment[] = []
  for (const d of result.diagnostics) {
    const line = oneLine(d)
    const path = prefix === '' ? d.file : `${prefix}/${d.file}`
    if (line === undefined || changed.get(path)?.has(line) !== true) continue
    // A block replaces the whole line: a second one there would undo the first when applied.
    if (suggestions.some((taken) => taken.path === path && taken.line === line)) continue
    const text = read(d.file)
    if (text === undefined) continue
    const fixed = applyFixes(text, [d]).text.split(/\r\n|\r|\n/)[line - 1]
    if (fixed === undefined || holdsSecret(fixed) || otherSecretOn(result, d, line)) continue
    const longest = (fixed.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0)
    const fence = '`'.repeat(Math.max(3, longest + 1))
    const body = [
      SUGGESTION_MARKER,
      `**${d.ruleId}**: ${escapeMarkdown(d.message)}`,
      '',
      `${fence}suggestion`,
      fixed,
      fence
    ].join('\n')
    suggestions.push({ path, line, body })
    if (suggestions.length === MAX_SUGGESTIONS) break
  }
  return suggestions
}

/** The line a fix's edits all sit on, when they do. */
function oneLine(d: Diagnostic): number | undefined {
  const edits = d.fix?.edits ?? []
  const line = edits[0]?.range.start.line
  return edits.length > 0 &&
    edits.every((edit) => edit.range.start.line === line && edit.range.end.line === line)
    ? line
    : undefined
}

function holdsSecret(text: string): boolean {
  return findSecrets(text).some((match) => match.confidence !== 'low')
}

/** Another leaked secret on the same line, found with its key's context by the lint. */
function otherSecretOn(result: LintResult, d: Diagnostic, line: number): boolean {
  return result.diagnostics.some(
    (other) =>
      other !== d &&
      other.ruleId === 'server-secret' &&
      other.file === d.file &&
      other.range.start.line <= line &&
      other.range.end.line >= line
  )
}
