// Shadowing: how a name must appear in another server's text to count as a reference to it.
import { COMMON_WORDS, PROSE_HYPHEN_PARTS } from './common-words.js'

const MIN_NAME_LENGTH = 4
const MIN_PLAIN_WORD_LENGTH = 6

/**
 * `bare`: the name anywhere as a whole token; `invoked`: marked, or right after a verb that calls
 * it ("use sequentialthinking"); `marked`: quoted, backticked, or followed by "tool"/"server".
 */
export type ReferenceRule = 'bare' | 'invoked' | 'marked'

/**
 * How a name must appear in another server's description to count as a reference to it:
 * - under 4 characters: never;
 * - identifier-shaped (snake_case, dotted, camelCase, kebab-case other than hyphenated prose such
 *   as `read-only` or `line-based`):
 *   anywhere as a whole token, because prose does not contain `send_email`;
 * - a tool name that is one uncommon word of 6+ characters (`sequentialthinking`, `emulate`): when
 *   marked or called ("use sequentialthinking"), since an English word in prose ("to emulate a
 *   phone") is not a reference even when another server has a tool by that name;
 * - anything else (`search`, `memory`, `github`, and every single-word server name, which is usually
 *   a product people mention legitimately): only when marked as a reference, i.e. quoted or
 *   backticked, followed by "tool"/"server"/"function", or written `mcp__server__tool`.
 */
export function referenceRule(name: string, kind: 'server' | 'tool'): ReferenceRule | undefined {
  if (name.length < MIN_NAME_LENGTH) return undefined
  if (isIdentifierShaped(name)) return 'bare'
  if (name.includes('-')) return 'marked'
  if (kind === 'tool' && name.length >= MIN_PLAIN_WORD_LENGTH && !isCommonWord(name))
    return 'invoked'
  return 'marked'
}

function isIdentifierShaped(name: string): boolean {
  if (/[_.]/.test(name) || /[a-z][A-Z]/.test(name)) return true
  if (!name.includes('-')) return false
  return !name
    .toLowerCase()
    .split('-')
    .some((part) => PROSE_HYPHEN_PARTS.has(part) || /^\d/.test(part))
}

function isCommonWord(name: string): boolean {
  const word = name.toLowerCase()
  const stems = [word, word.replace(/s$/, ''), word.replace(/es$/, ''), word.replace(/ing$/, '')]
  stems.push(word.replace(/ing$/, 'e'), word.replace(/e?d$/, ''), word.replace(/ers?$/, ''))
  return stems.some((stem) => COMMON_WORDS.has(stem))
}
