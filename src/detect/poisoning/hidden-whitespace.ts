// Hidden whitespace: long runs of spaces or blank lines that push text out of view.
import type { PoisonSign } from './sign.js'

const SPACE_RUN = /[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{50,}/
/** More than 20 blank lines means at least 22 line breaks with only spaces between them. */
const BLANK_LINES = /(?:\r\n|\n|\r)(?:[ \t]*(?:\r\n|\n|\r)){21,}/
const LINE_BREAK = /\r\n|\n|\r/g

export function findHiddenWhitespace(text: string): PoisonSign[] {
  const signs: PoisonSign[] = []
  const spaces = SPACE_RUN.exec(text)
  if (spaces) {
    signs.push({
      kind: 'hidden-whitespace',
      detail: `a run of ${spaces[0].length} spaces or tabs`,
      start: spaces.index,
      end: spaces.index + spaces[0].length
    })
  }
  const lines = BLANK_LINES.exec(text)
  if (lines) {
    const blank = (lines[0].match(LINE_BREAK)?.length ?? 1) - 1
    signs.push({
      kind: 'hidden-whitespace',
      detail: `${blank} consecutive blank lines`,
      start: lines.index,
      end: lines.index + lines[0].length
    })
  }
  return signs
}
