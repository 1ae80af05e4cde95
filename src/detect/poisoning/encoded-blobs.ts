// Encoded blobs: long hex or base64 runs outside URLs.
import type { PoisonSign } from './sign.js'
import { entropy } from '../mask.js'

const BLOB_RUN = /[A-Za-z0-9+/_-]{64,}={0,2}/g
const HEX = /^[0-9a-fA-F]+$/
/** Random base64 sits near 6 bits per character, encoded English near 5; paths and names lower. */
const BASE64_MIN_ENTROPY = 4.5

export function findEncodedBlobs(text: string): PoisonSign[] {
  for (const match of text.matchAll(BLOB_RUN)) {
    const run = match[0]
    if (insideUrl(text, match.index)) continue
    const kind = blobKind(run.replace(/=+$/, ''))
    if (kind === undefined) continue
    const decoded = kind === 'base64' && decodesToText(run) ? ' that decodes to text' : ''
    return [
      {
        kind: 'encoded-blob',
        detail: `a ${kind} run of ${run.length} characters${decoded}`,
        start: match.index,
        end: match.index + run.length
      }
    ]
  }
  return []
}

function blobKind(run: string): 'hex' | 'base64' | undefined {
  if (HEX.test(run)) return /[0-9]/.test(run) && /[a-f]/i.test(run) ? 'hex' : undefined
  const mixed = /[0-9]/.test(run) && /[a-z]/.test(run) && /[A-Z]/.test(run)
  return mixed && entropy(run) >= BASE64_MIN_ENTROPY ? 'base64' : undefined
}

/** URLs are visible to the user already; a long path or query in one is not hidden data. */
function insideUrl(text: string, index: number): boolean {
  const tokenStart = Math.max(text.lastIndexOf(' ', index), text.lastIndexOf('\n', index)) + 1
  return (
    /^\S*:\/\//.test(text.slice(tokenStart, index + 1)) ||
    (index >= 2 && text.startsWith('//', index - 2))
  )
}

function decodesToText(run: string): boolean {
  const bytes = Buffer.from(run, 'base64')
  if (bytes.length === 0) return false
  let printable = 0
  for (const byte of bytes) if ((byte >= 0x20 && byte < 0x7f) || byte === 0x0a) printable++
  return printable / bytes.length >= 0.9
}
