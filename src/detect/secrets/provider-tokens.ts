// Provider tokens (§1.5): the token rules run over a value, filler and documented examples sorted out.
import { hexDigest } from '../../util/digest.js'
import { type Candidate, rankToken } from './candidate.js'
import { isFiller, wordSet } from './placeholders.js'
import { tokenRules } from './token-rules.js'

/**
 * Documented example keys (gitleaks' gcp-api-key allowlist, Stripe's docs test keys): a finding,
 * but low. Stored as truncated SHA-256 so no key-shaped literal sits in this repository.
 */
const documentedKeys = wordSet(
  'f56e323494a6ffc2064e7a955908957d 2037abcaffb2b77785da716cf7ccff4f 3f370c9dd8225c63b5c77de1f785edc9 e4a5542bb7fd7b67e943c71ad29c34b5 a19f89ab3555eac10c40741f6df79ecf 0b476bdf9acf2123d547b5ae76f1e598 eb540d2b6ee2a0a47c5779bc8a014178 37f8f09bdf12c2f2eae4ead7273a62dd 8731261cb72d86267a32a532ebd3df42 49f777db995e8260da7ca9ffdf0c08d6 27a9a42931dff7eb2f8434e20a9bce97 dc0fcf046c61640cbd1e8b999ada3262 4c98242dcadc8b29005c6b4aad526552 ea9bb1082cf95663f5faca23b8b15ef2 3a8b61d0f636b007840c0d40ba12bcf4 a6c814bc555ae62c7bd8b58ec07bf559 2cafc0970149a84f3b9e62eaf169f36f b1471f544ceeea31333bde7e1ecbaad6'
)

function isDocumentedKey(token: string): boolean {
  return documentedKeys.has(hexDigest('sha256', token).slice(0, 32))
}

export function findProviderTokens(value: string): Candidate[] {
  const lower = value.toLowerCase()
  const candidates: Candidate[] = []
  for (const rule of tokenRules) {
    if (!rule.keywords.some((keyword) => lower.includes(keyword))) continue
    for (const match of value.matchAll(rule.pattern)) {
      const token = match[0]
      if (isFiller(randomPart(match), rule.minEntropy)) continue
      const documented = isDocumentedKey(token)
      candidates.push({
        detector: rule.detector,
        kind: documented ? `${rule.kind} (documented example)` : rule.kind,
        confidence: documented ? 'low' : rule.confidence,
        start: match.index,
        end: match.index + token.length,
        text: token,
        rank: rankToken
      })
    }
  }
  return candidates
}

function randomPart(match: RegExpMatchArray): string {
  const groups: Record<string, string | undefined> = match.groups ?? {}
  return Object.entries(groups)
    .filter(([name]) => name.startsWith('random'))
    .map(([, text]) => text ?? '')
    .join('')
}
