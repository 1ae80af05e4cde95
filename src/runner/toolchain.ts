import { realpathSync } from 'node:fs'
import { dirname } from 'node:path'
import { which } from './which.js'

/** Where node and npx live when that is not under /usr (GitHub's toolcache, nvm): mounted read-only. */
export interface Toolchain {
  readonly binds: readonly string[]
  readonly path: readonly string[]
}

export function findToolchain(): Toolchain {
  const binds = new Set<string>()
  const path = new Set<string>()
  const underUsr = (dir: string) => dir === '/usr' || dir.startsWith('/usr/')
  for (const tool of ['node', 'npx']) {
    const found = which(tool)
    if (found === undefined) continue
    const bin = dirname(found)
    const prefix = dirname(dirname(realpathSync(found)))
    if (!underUsr(prefix) && prefix !== '/') binds.add(prefix)
    if (!underUsr(bin) && bin !== '/bin') binds.add(bin)
    path.add(bin)
  }
  return { binds: [...binds].sort(), path: [...path] }
}
