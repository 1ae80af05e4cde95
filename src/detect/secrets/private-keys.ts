// PEM private key blocks, with or without their END line.
import { entropy } from '../mask.js'
import { type Candidate, rankToken } from './candidate.js'

const privateKeyBegin = /-----BEGIN[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/g
const maxPrivateKeyLength = 16 * 1024

export function findPrivateKeys(value: string): Candidate[] {
  if (!value.includes('PRIVATE KEY')) return []
  const candidates: Candidate[] = []
  const begins = [...value.matchAll(privateKeyBegin)]
  let covered = 0
  begins.forEach((match, index) => {
    const start = match.index
    const bodyStart = start + match[0].length
    if (start < covered) return
    // A block never contains another BEGIN, so each search stops there and the scan stays linear.
    const limit = Math.min(
      begins[index + 1]?.index ?? value.length,
      bodyStart + maxPrivateKeyLength
    )
    const window = value.slice(bodyStart, limit)
    const endMarker = /-----END[ A-Z0-9]{0,40}PRIVATE KEY(?: BLOCK)?-----/.exec(window)
    const body =
      endMarker === null
        ? (/^[A-Za-z0-9+/=\s\\]*/.exec(window)?.[0] ?? '')
        : window.slice(0, endMarker.index)
    const end =
      endMarker === null
        ? bodyStart + body.length
        : bodyStart + endMarker.index + endMarker[0].length
    if (!isKeyMaterial(body)) return
    covered = end
    candidates.push({
      detector: 'private-key',
      kind: 'private key',
      confidence: 'high',
      start,
      end,
      text: value.slice(start, end),
      rank: rankToken
    })
  })
  return candidates
}

/** Base64 of a real key (PEM headers allowed), not `...`, `<your key>` or a run of X. */
function isKeyMaterial(body: string): boolean {
  if (!/^[A-Za-z0-9+/=\s\\:,-]*$/.test(body)) return false
  const material = body.replace(/\\[nr]|[\s\\]/g, '')
  return material.length >= 32 && new Set(material).size > 3 && entropy(material) >= 3.5
}
