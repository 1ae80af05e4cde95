import type { LintConfig } from '../config/lint-config.js'
import type { EnumerateRequest } from './options.js'
import type { Enumeration } from '../model/tools.js'
import type { Workspace } from '../model/workspace.js'
import type { BaseRevision } from '../trust/base-revision.js'
import { trustedUrls } from '../trust/trusted-urls.js'
import { enumerationOptions } from './enumeration-options.js'

/**
 * Starts the workspace's servers and lists their tools, for lint() and `lock`. On a pull request
 * (`base`), headers bound to remote servers go only to the URLs the base revision gives them. The
 * runner, with the MCP SDK and undici, is loaded only here: a static run never evaluates it.
 */
export async function enumerateTools(
  workspace: Workspace,
  root: string,
  config: LintConfig,
  request: EnumerateRequest,
  base?: BaseRevision
): Promise<Enumeration> {
  const options = enumerationOptions(config, request)
  const bound = new Set(options.remote.bindings.map((binding) => binding.server))
  const remote =
    base === undefined || !options.remote.enabled || bound.size === 0
      ? options.remote
      : { ...options.remote, trustedUrls: await trustedUrls(workspace, bound, base) }
  const { enumerate } = await import('../runner/index.js')
  return enumerate(workspace, root, { ...options, remote })
}
