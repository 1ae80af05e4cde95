// JSON Web Tokens, classified by their payload (Supabase roles, jwt.io's example).
import { type Candidate, rankToken, type SecretConfidence } from './candidate.js'
import { isRecord } from '../../util/is-record.js'

const jwtPattern =
  /(?:(?<![A-Za-z0-9_-])|(?<=:-))eyJ[A-Za-z0-9_-]{4,4096}\.eyJ[A-Za-z0-9_-]{4,8192}\.[A-Za-z0-9_-]{0,4096}(?![A-Za-z0-9_-])/g

export function findJwts(value: string): Candidate[] {
  if (!value.includes('eyJ')) return []
  const candidates: Candidate[] = []
  for (const match of value.matchAll(jwtPattern)) {
    const token = match[0]
    const [headerPart = '', payloadPart = '', signature = ''] = token.split('.')
    const header = decodeJsonSegment(headerPart)
    const payload = decodeJsonSegment(payloadPart)
    if (header === undefined || payload === undefined) continue
    if (signature.length >= 16 && new Set(signature).size <= 3) continue
    const [kind, confidence] = classifyJwt(payload)
    candidates.push({
      detector: 'jwt',
      kind,
      confidence,
      start: match.index,
      end: match.index + token.length,
      text: token,
      rank: rankToken
    })
  }
  return candidates
}

function classifyJwt(payload: Record<string, unknown>): [string, SecretConfidence] {
  // jwt.io's sample token is pasted as a placeholder in countless READMEs; low, like other
  // documented examples, so the context rule does not report it either.
  if (payload.name === 'John Doe' && payload.sub === '1234567890')
    return ['JSON Web Token (jwt.io example)', 'low']
  if (payload.role === 'anon') return ['Supabase anon key (JWT, public by design)', 'low']
  if (payload.role === 'service_role') return ['Supabase service_role key (JWT)', 'high']
  return ['JSON Web Token', 'medium']
}

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const text = Buffer.from(segment, 'base64url').toString('utf8').trim()
  // Checked first because a thrown parse error costs far more than the scan itself.
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined
  try {
    const parsed: unknown = JSON.parse(text)
    return isRecord(parsed) ? parsed : undefined
  } catch {
    // Not JSON, so not a JWT; the parser's message quotes its input and is never kept.
    return undefined
  }
}
