// The context rule: literals under secret-named keys, flags and `NAME=value` arguments
import { entropy } from '../mask.js'
import { type Candidate, rankContext, rankToken } from './candidate.js'
import { isPlaceholder } from './placeholders.js'
import { isSecretName, normalizeName } from './secret-names.js'
import { findTemplateSpans, literalChunks } from './templates.js'

const awsSecretNamePattern =
  /(?:^|_)aws_secret(?:_access)?_key(?:_|$)|(?:^|_)secret_access_key(?:_|$)/
// `--api-key=…`, `API_KEY=…` (docker -e), `X-Api-Key: …` (mcp-remote --header).
const assignmentPattern = /^-{0,2}([A-Za-z_][A-Za-z0-9_.-]{0,63})=/
const headerLinePattern = /^([A-Za-z][A-Za-z0-9_-]{0,63})[ \t]*:[ \t]*(?!\/\/)/

export function findNamedSecrets(value: string, key: string | undefined): Candidate[] {
  const parts: { name: string; start: number }[] = []
  if (key !== undefined) parts.push({ name: key, start: 0 })
  const named = assignmentPattern.exec(value) ?? headerLinePattern.exec(value)
  if (named !== null) parts.push({ name: named[1] ?? '', start: named[0].length })
  const candidates: Candidate[] = []
  for (const part of parts) {
    const name = normalizeName(part.name)
    if (!isSecretName(name)) continue
    const spans = findTemplateSpans(value.slice(part.start)).map(
      ([start, end]) => [start + part.start, end + part.start] as const
    )
    for (const [chunkStart, chunkEnd] of literalChunks(part.start, value.length, spans)) {
      const raw = value.slice(chunkStart, chunkEnd)
      const text = raw.trim()
      const start = chunkStart + raw.indexOf(text)
      const end = start + text.length
      if (awsSecretNamePattern.test(name) && isAwsSecret(text))
        candidates.push({
          detector: 'aws-secret-access-key',
          kind: 'AWS secret access key',
          confidence: 'high',
          start,
          end,
          text,
          rank: rankToken
        })
      else if (looksLikeLiteralSecret(text))
        candidates.push({
          detector: 'context-secret',
          kind: 'literal secret under a secret-named key',
          confidence: 'medium',
          start,
          end,
          text,
          rank: rankContext
        })
    }
  }
  return candidates
}

/**
 * A file name at the end, or an absolute/relative path with two separators and no `+`/`=`: base64
 * keys start with `/` one time in 64, and rarely also satisfy the rest.
 */
export function looksLikePath(text: string): boolean {
  if (/[\\/][\w.-]+\.[A-Za-z0-9]{1,6}$/.test(text)) return true
  return /^(?:~|\.{1,2}|[A-Za-z]:)?[\\/][^\\/]*[\\/]/.test(text) && !/[+=]/.test(text)
}

/**
 * gitleaks drops letters-only values (words, `vault-dev-password`), which also drops the ~1% of
 * random alphanumeric keys that happen to have no digit. Random mixed case flips case at about
 * half the positions; CamelCase identifiers and acronyms flip far less often.
 */
function isRandomLetters(text: string): boolean {
  if (text.length < 24 || !/^[A-Za-z]+$/.test(text)) return false
  let flips = 0
  for (let index = 1; index < text.length; index++)
    if (isUpper(text.charAt(index)) !== isUpper(text.charAt(index - 1))) flips++
  return flips / (text.length - 1) >= 0.45
}

function isUpper(char: string): boolean {
  return char >= 'A' && char <= 'Z'
}

function isAwsSecret(text: string): boolean {
  return /^[A-Za-z0-9/+=]{40}$/.test(text) && entropy(text) >= 4 && !isPlaceholder(text)
}

function looksLikeLiteralSecret(text: string): boolean {
  if (text.length < 16 || /\s/.test(text)) return false
  // URLs are for the URL rules (userinfo, query), paths and structured values are not tokens.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) return false
  if (looksLikePath(text)) return false
  if (/^[{[]/.test(text)) return false
  if (/^[A-Za-z_.-]+$/.test(text) && !isRandomLetters(text)) return false
  if (isPlaceholder(text)) return false
  // Hex tops out at 4 bits per character, so the generic 3.5 bar would miss a quarter of them.
  const floor = /^[0-9a-fA-F-]+$/.test(text) && text.length >= 24 ? 3 : 3.5
  return entropy(text) >= floor
}
