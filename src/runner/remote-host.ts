import { lookup } from 'node:dns/promises'
import { isIP } from 'node:net'

/**
 * Why a remote server's URL must not be contacted, or undefined when it may: only https, and only
 * hosts that resolve to public addresses, so a pull request cannot point mcp-lint at the runner's
 * metadata service or the local network.
 */
export async function refuseHost(
  url: string,
  allowPrivateHosts: boolean
): Promise<string | undefined> {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'the url is not a valid URL'
  }
  if (parsed.protocol !== 'https:' && !(allowPrivateHosts && parsed.protocol === 'http:')) {
    return `only https:// servers are enumerated, not ${parsed.protocol}//`
  }
  if (allowPrivateHosts) return undefined
  const host = parsed.hostname.replace(/^\[|\]$/g, '')
  let addresses: string[]
  try {
    addresses =
      isIP(host) === 0 ? (await lookup(host, { all: true })).map((entry) => entry.address) : [host]
  } catch {
    return `${host} does not resolve`
  }
  const inside = addresses.find(isPrivateAddress)
  return inside === undefined
    ? undefined
    : `${host} resolves to a private or local address (${inside})`
}

/** Loopback, private, link-local (cloud metadata), CGNAT, unique-local and unspecified addresses. */
export function isPrivateAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a = 0, b = 0] = address.split('.').map(Number)
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    )
  }
  const lower = address.toLowerCase()
  if (lower.startsWith('::ffff:')) return isPrivateAddress(lower.slice(7))
  return (
    lower === '::1' ||
    lower === '::' ||
    lower.startsWith('fc') ||
    lower.startsWith('fd') ||
    lower.startsWith('fe80')
  )
}
