// URLs: userinfo, secret-named query parameters, Firecrawl's path key
import { entropy } from '../mask.js'
import { type Candidate, rankUrl } from './candidate.js'
import { defaultPasswords, isPlaceholder } from './placeholders.js'
import { isSecretName, normalizeName } from './secret-names.js'
import { containsTemplate } from './templates.js'

const schemePattern = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]{0,30}):\/\//g
const connectionSchemes =
  /^(?:postgres|postgresql|mysql|mariadb|mongodb|mongodb\+srv|redis|rediss|amqp|amqps|mssql|sqlserver|clickhouse|cockroachdb|neo4j|neo4j\+s|bolt|oracle|snowflake|couchbase|cassandra|nats|kafka)$/

export function findUrlSecrets(value: string): Candidate[] {
  if (!value.includes('://')) return []
  const schemes = [...value.matchAll(schemePattern)]
  const candidates: Candidate[] = []
  schemes.forEach((match, index) => {
    // Each URL ends before the next one starts, so nested URLs get their own pass and the whole
    // scan stays linear.
    const limit = schemes[index + 1]?.index ?? value.length
    const from = match.index + match[0].length
    let to = from
    while (to < limit && !isUrlTerminator(value.charCodeAt(to))) to++
    candidates.push(...inspectUrl(value, (match[1] ?? '').toLowerCase(), from, to))
  })
  return candidates
}

function isUrlTerminator(code: number): boolean {
  // whitespace, " ' ` < >
  return code <= 32 || code === 34 || code === 39 || code === 96 || code === 60 || code === 62
}

function inspectUrl(value: string, scheme: string, from: number, to: number): Candidate[] {
  const candidates: Candidate[] = []
  let authorityEnd = from
  while (authorityEnd < to && !'/?#'.includes(value.charAt(authorityEnd))) authorityEnd++
  let at = authorityEnd - 1
  while (at >= from && value.charAt(at) !== '@') at--
  const hostStart = at >= from ? at + 1 : from
  const host = hostName(value.slice(hostStart, authorityEnd))
  if (at >= from) {
    const credentials = inspectUserinfo(value, scheme, host, from, at)
    if (credentials !== undefined) candidates.push(credentials)
  }
  const query = indexWithin(value, '?', authorityEnd, to)
  if (query !== -1) {
    const fragment = indexWithin(value, '#', query, to)
    candidates.push(...inspectQuery(value, query + 1, fragment === -1 ? to : fragment))
  }
  if (/(?:^|\.)firecrawl\.dev$/.test(host) && value.charAt(authorityEnd) === '/') {
    const segmentStart = authorityEnd + 1
    let segmentEnd = segmentStart
    while (segmentEnd < to && !'/?#'.includes(value.charAt(segmentEnd))) segmentEnd++
    const segment = value.slice(segmentStart, segmentEnd)
    if (segment.length >= 20 && !isPlaceholder(segment) && entropy(segment) >= 3)
      candidates.push({
        detector: 'firecrawl-api-key',
        kind: 'Firecrawl API key in the URL path',
        confidence: 'high',
        start: segmentStart,
        end: segmentEnd,
        text: segment,
        rank: rankUrl
      })
  }
  return candidates
}

function indexWithin(value: string, char: string, from: number, to: number): number {
  for (let index = from; index < to; index++) if (value.charAt(index) === char) return index
  return -1
}

function hostName(hostPort: string): string {
  const first = hostPort.split(',')[0] ?? ''
  const host = first.startsWith('[') ? first.slice(1, first.indexOf(']')) : first.split(':')[0]
  return (host ?? '').toLowerCase()
}

function isLocalHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(?:\.\d{1,3}){3}$/.test(host) ||
    host === '::1' ||
    host === '0.0.0.0' ||
    host === 'host.docker.internal' ||
    /\.(?:local|test|example|invalid)$/.test(host) ||
    /(?:^|\.)example\.(?:com|org|net)$/.test(host) ||
    // A single-label name (`db`, `postgres`) only resolves inside a compose network or LAN.
    /^[a-z0-9_-]+$/.test(host)
  )
}

function inspectUserinfo(
  value: string,
  scheme: string,
  host: string,
  from: number,
  at: number
): Candidate | undefined {
  const colon = indexWithin(value, ':', from, at)
  const user = value.slice(from, colon === -1 ? at : colon)
  if (colon === -1) {
    // `https://TOKEN@host`: only a token-shaped user part is a secret.
    if (user.length < 20 || containsTemplate(user) || isPlaceholder(user) || entropy(user) < 3.5)
      return undefined
    return {
      detector: 'url-credentials',
      kind: 'token in the user part of a URL',
      confidence: 'medium',
      start: from,
      end: at,
      text: user,
      rank: rankUrl
    }
  }
  const password = value.slice(colon + 1, at)
  if (password.length < 4 || containsTemplate(password)) return undefined
  const decoded = decodeComponent(password)
  if (decoded.length < 4) return undefined
  const local =
    isLocalHost(host) &&
    (decoded === decodeComponent(user) || defaultPasswords.has(decoded.toLowerCase()))
  if (!local && isPlaceholder(decoded)) return undefined
  return {
    detector: 'url-credentials',
    kind: connectionSchemes.test(scheme) ? 'password in a connection URL' : 'password in a URL',
    confidence: local ? 'low' : 'high',
    start: colon + 1,
    end: at,
    text: password,
    rank: rankUrl
  }
}

function inspectQuery(value: string, from: number, to: number): Candidate[] {
  const candidates: Candidate[] = []
  let start = from
  while (start < to) {
    let end = start
    while (end < to && value.charAt(end) !== '&' && value.charAt(end) !== ';') end++
    const equals = indexWithin(value, '=', start, end)
    if (equals !== -1 && isSecretName(normalizeName(decodeComponent(value.slice(start, equals))))) {
      const raw = value.slice(equals + 1, end)
      const decoded = decodeComponent(raw)
      if (
        decoded.length >= 8 &&
        !containsTemplate(raw) &&
        !isPlaceholder(decoded) &&
        !/^[A-Za-z_.-]+$/.test(decoded) &&
        entropy(decoded) >= 3
      )
        candidates.push({
          detector: 'url-query-secret',
          kind: 'secret in a URL query parameter',
          confidence: 'medium',
          start: equals + 1,
          end,
          text: raw,
          rank: rankUrl
        })
    }
    start = end + 1
  }
  return candidates
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
