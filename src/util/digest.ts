import { createRequire } from 'node:module'
import type * as NodeCrypto from 'node:crypto'

type Crypto = typeof NodeCrypto

const requireBuiltin = createRequire(import.meta.url)
let crypto: Crypto | undefined

/**
 * The hex digest of a text. node:crypto loads on the first call, not at start: most runs hash
 * nothing, and loading it costs every run about 6 ms.
 */
export function hexDigest(algorithm: 'sha1' | 'sha256', text: string): string {
  crypto ??= requireBuiltin('node:crypto') as Crypto
  return crypto.createHash(algorithm).update(text).digest('hex')
}
