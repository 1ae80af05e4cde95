import * as github from '@actions/github'

/**
 * Reads a file at the pull request's base commit through the REST API (`contents: read` is enough,
 * fork pull requests included). Null when the base has no such file; undefined outside pull requests.
 */
export async function readBaseLockfile(
  token: string,
  path: string
): Promise<string | null | undefined> {
  const pull = github.context.payload.pull_request as { base?: { sha?: string } } | undefined
  const sha = pull?.base?.sha
  if (sha === undefined || token === '') return undefined
  const octokit = github.getOctokit(token)
  try {
    const response = await octokit.rest.repos.getContent({ ...github.context.repo, path, ref: sha })
    const data = response.data as { content?: string; encoding?: string }
    if (typeof data.content !== 'string') return null
    return Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8').toString(
      'utf8'
    )
  } catch (error) {
    if ((error as { status?: number }).status === 404) return null
    throw error
  }
}
