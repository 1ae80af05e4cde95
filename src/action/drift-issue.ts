import { escapeHtmlComment } from '../reporters/escape/markdown.js'
import { TOOL_NAME } from '../version.js'
import type { GitHubApi } from './github-api.js'

const LABEL = 'mcp-lint'

/**
 * The one tracking issue of scheduled drift checks: opened when servers or configs drift, updated
 * while they do, closed with a note once they no longer do. Found again by its hidden marker.
 */
export async function syncDriftIssue(
  api: GitHubApi,
  key: string,
  drift: boolean,
  report: string
): Promise<string | undefined> {
  const marker = `<!-- ${TOOL_NAME}:drift ${escapeHtmlComment(key)} -->`
  const labelled = await api.listOpenIssues(LABEL)
  // The label may have been dropped (tokens without push access cannot set labels): look wider.
  const open =
    labelled.find((issue) => issue.body.includes(marker)) ??
    (await api.listOpenIssues()).find((issue) => issue.body.includes(marker))
  const body = `${marker}\n${report}`
  if (drift) {
    if (open?.number === undefined)
      return (await api.createIssue(`${TOOL_NAME}: MCP servers drifted (${key})`, body, LABEL)).url
    if (open.body !== body) await api.updateIssue(open.number, { body })
    return open.url
  }
  if (open?.number === undefined) return undefined
  await api.updateIssue(open.number, {
    body: `${marker}\n### ✅ No drift any more\n\nThe last scheduled check found every server and config in line with the lockfile and the central source.\n`,
    state: 'closed'
  })
  return open.url
}
