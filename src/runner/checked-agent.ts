import { lookup as lookupCallback, type LookupAddress, type LookupOptions } from 'node:dns'
import { Agent } from 'undici'
import { isPrivateAddress } from './remote-host.js'

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number
) => void

/**
 * A connection pool that checks every address at connect time, not only before: a host that
 * resolved to a public address for refuseHost cannot answer the connection itself with the
 * metadata service's (DNS rebinding).
 */
export function checkedAgent(allowPrivateHosts: boolean): Agent {
  const checkedLookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    lookupCallback(hostname, { ...options, all: true }, (error, addresses) => {
      if (error !== null) {
        callback(error, [])
        return
      }
      const inside = allowPrivateHosts
        ? undefined
        : addresses.find((entry) => isPrivateAddress(entry.address))
      if (inside !== undefined) {
        callback(
          Object.assign(new Error(`${hostname} resolves to a private or local address`), {
            code: 'EPRIVATE'
          }),
          []
        )
        return
      }
      if (options.all === true) callback(null, addresses)
      else callback(null, addresses[0]?.address ?? '', addresses[0]?.family)
    })
  }
  return new Agent({ connect: { lookup: checkedLookup } })
}
