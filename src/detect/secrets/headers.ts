// Authorization headers: literal Bearer, token and Basic credentials.
import { entropy } from '../mask.js'
import { type Candidate, rankHeader } from './candidate.js'
import { defaultPasswords, isPlaceholder } from './placeholders.js'
import { containsTemplate } from './templates.js'

const bearerPattern = /(?<![A-Za-z0-9_-])bearer[ \t]+([^\s"'`,;]{1,4096})/gi
// `token` is an ordinary word, so only at the start of a value or right after `Authorization:`.
const tokenSchemePattern =
  /(?:^[ \t]*|authorization[ \t]{0,4}[:=][ \t]{0,4})token[ \t]+([^\s"'`,;]{1,4096})/gi
const basicPattern =
  /(?<![A-Za-z0-9_-])basic[ \t]+([A-Za-z0-9+/]{4,4096}={0,2})(?![A-Za-z0-9+/=])/gi

export function findAuthorizationHeaders(value: string): Candidate[] {
  const lower = value.toLowerCase()
  const candidates: Candidate[] = []
  const patterns = [
    ...(lower.includes('bearer') ? [bearerPattern] : []),
    ...(lower.includes('token') ? [tokenSchemePattern] : [])
  ]
  for (const pattern of patterns)
    for (const match of value.matchAll(pattern)) {
      const literal = match[1] ?? ''
      if (
        literal.length < 8 ||
        !/^[A-Za-z0-9._~+/-]+=*$/.test(literal) ||
        containsTemplate(literal) ||
        isPlaceholder(literal) ||
        /^[A-Za-z_.-]+$/.test(literal) ||
        entropy(literal) < 3
      )
        continue
      const start = match.index + match[0].length - literal.length
      candidates.push({
        detector: 'bearer-header',
        kind: 'literal token in an Authorization header',
        confidence: 'medium',
        start,
        end: start + literal.length,
        text: literal,
        rank: rankHeader
      })
    }
  if (lower.includes('basic'))
    for (const match of value.matchAll(basicPattern)) {
      const encoded = match[1] ?? ''
      const decoded = Buffer.from(encoded, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      // Decoding arbitrary text as base64 yields binary; only `user:password` in printable text counts.
      if (colon < 0 || !/^[\x20-\x7e\u00a0-\ufffc]+$/.test(decoded)) continue
      const user = decoded.slice(0, colon)
      const password = decoded.slice(colon + 1)
      if (password === '') continue
      const trivial = password === user || defaultPasswords.has(password.toLowerCase())
      if (!trivial && (containsTemplate(password) || isPlaceholder(password))) continue
      const start = match.index + match[0].length - encoded.length
      candidates.push({
        detector: 'basic-auth-header',
        kind: 'username and password in a Basic Authorization header',
        confidence: trivial ? 'low' : 'medium',
        start,
        end: start + encoded.length,
        text: encoded,
        rank: rankHeader
      })
    }
  return candidates
}
