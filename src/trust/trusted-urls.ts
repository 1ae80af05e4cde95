import { parseConfigText } from '../parse/load.js'
import { allFiles, type Workspace } from '../model/workspace.js'
import { remoteUrlOf } from '../runner/launch.js'
import type { BaseRevision } from './base-revision.js'

/**
 * Per server name, the URLs the base revision gives it in the same files: on a pull request a
 * header the workflow binds to a server goes only to one of these, never to a URL the PR chose.
 */
export async function trustedUrls(
  workspace: Workspace,
  names: ReadonlySet<string>,
  base: BaseRevision
): Promise<Map<string, Set<string>>> {
  const urls = new Map<string, Set<string>>()
  for (const file of allFiles(workspace)) {
    if (!file.servers.some((entry) => names.has(entry.name.value))) continue
    const text = await base.read(file.path)
    if (text === null) continue
    const before = parseConfigText(file.path, file.platform, text)
    for (const entry of before.servers) {
      const name = entry.name.value
      const url = names.has(name) ? remoteUrlOf(before, entry) : undefined
      if (url === undefined) continue
      const known = urls.get(name) ?? new Set<string>()
      known.add(url)
      urls.set(name, known)
    }
  }
  return urls
}
