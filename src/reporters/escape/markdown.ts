import { escapeText } from '../../util/quote.js'
import { escapeTerminal } from './terminal.js'

/**
 * GitHub finds @mentions, #123 references and :emoji: codes in the text after rendering, where a
 * backslash or an HTML entity has already been undone; a zero-width space after the sigil is what
 * stops them (Renovate's `@&#8203;`). Hostile zero-width spaces are shown as `\u{200B}` by
 * escapeText before this one is added, so every raw U+200B in the output is ours.
 */
const BREAK = '\u200b'

/**
 * The ASCII punctuation that starts something in GitHub's Markdown: links and images, autolinks
 * (`https:`, `www.`), emphasis and strikethrough, code, table cells, headings, lists, quotes and
 * thematic breaks, math (`$`), raw HTML and entities. `"`, `'`, `,`, `;`, `/`, `?`, `%` and `^`
 * start nothing on their own and stay as they are, so messages stay readable in the source.
 */
const SYNTAX = /[\\`*_{}[\]()#+\-.!|~:$=<>&@]/g

/**
 * Repository text (a message, a server name) as inline Markdown for a table cell or a line: one
 * line, control and invisible characters shown as `\u{…}`, Markdown syntax escaped, and mentions,
 * references and emoji codes broken.
 */
export function escapeMarkdown(text: string, limit = 400): string {
  return breakReferences(escapeText(text.replace(/\s+/g, ' '), limit))
    .replace(/:(?=[\w+-]+:)/g, `:${BREAK}`)
    .replace(SYNTAX, escapeSyntax)
    .replaceAll(BREAK, '&#8203;')
}

/**
 * Repository text (a path) as a code span in a table cell, where it reads as written: the fence is
 * longer than any backtick run in it, so nothing can close it early. GFM splits a table row at
 * every unescaped `|`, code spans included, so pipes are escaped; a backslash right before one is
 * kept apart from it, because renderers disagree on whether `\\|` ends a cell.
 */
export function escapeCodeSpan(text: string, limit = 400): string {
  // GitHub looks for no mentions in code, but no other reader of the report should find one
  // either; the break goes in raw, as code spans decode no entities. Emoji codes are left alone:
  // `:3:5` is a position.
  const content = breakReferences(escapeText(text, limit))
    .replace(/\\(?=\|)/g, `\\${BREAK}`)
    .replace(/\|/g, '\\|')
  const longest = (content.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0)
  const fence = '`'.repeat(longest + 1)
  // CommonMark drops a space at each end of a code span; a backtick at an end would join the fence.
  const pad = /^[ `]|[ `]$/.test(content) && !/^ *$/.test(content) ? ' ' : ''
  return `${fence}${pad}${content}${pad}${fence}`
}

/**
 * Text for an HTML comment (the hidden marker of a comment or an issue): `--` is what ends one
 * (`-->`, `--!>`), so no two dashes stay adjacent, and controls (a NUL becomes U+FFFD when the
 * page renders) are shown as `\u{…}`, so the marker reads back as written. `a--b` reads `a- -b`
 * as it always has, so existing markers are still found.
 */
export function escapeHtmlComment(text: string): string {
  return escapeTerminal(text).replace(/-(?=-)/g, '- ')
}

/** Mentions (`@user`, `@org/team`) and references (`#1`, `owner/repo#1`, `GH-1`). */
function breakReferences(text: string): string {
  return text.replace(/[@#]/g, `$&${BREAK}`).replace(/\bGH-(?=\d)/gi, `$&${BREAK}`)
}

/**
 * A backslash escapes any ASCII punctuation in CommonMark, but not inside an HTML block (the
 * `<summary>` of a folded section), where only entities do: `<`, `>` and `&` get entities.
 */
function escapeSyntax(char: string): string {
  switch (char) {
    case '<':
      return '&lt;'
    case '>':
      return '&gt;'
    case '&':
      return '&amp;'
    default:
      return `\\${char}`
  }
}

/**
 * A repository path as the path of a link target: every segment percent-encoded, `(`, `)` and
 * the other characters encodeURIComponent keeps included, so a hostile file name cannot end the
 * Markdown link or add a title.
 */
export function encodeUrlPath(path: string): string {
  return path
    .split('/')
    .map((segment) =>
      encodeURIComponent(segment).replace(
        /[()'!*]/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
      )
    )
    .join('/')
}
