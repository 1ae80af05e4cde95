import * as core from '@actions/core'
import * as github from '@actions/github'
import { writeFileMakingDirectories } from '../util/write-file.js'
import { escapeLogLine } from '../reporters/escape/log-line.js'
import { octokitApi } from './github-api.js'
import type { ActionIO } from './action-io.js'

/**
 * The real runner: @actions/core for inputs, outputs, annotations and the summary. Every log line
 * and annotation text can hold repository text (paths, server names, messages, progress), so it is
 * escaped here, once for every caller: core.info prints it raw, and core escapes only the syntax
 * of a command, not the controls or workflow-command prefixes the runner's log would act on.
 * An annotation's file stays as it is, for core to escape as a property, so it still finds its file.
 */
export function githubActionIO(): ActionIO {
  const { context } = github
  const repository = `${context.repo.owner}/${context.repo.repo}`
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => {
      core.setOutput(name, value)
    },
    annotate: (level, message, properties) => {
      core[level](escapeLogLine(message), {
        ...properties,
        title: escapeLogLine(properties.title)
      })
    },
    info: (message) => {
      core.info(escapeLogLine(message))
    },
    warning: (message) => {
      core.warning(escapeLogLine(message))
    },
    group: (title, work) => {
      core.startGroup(escapeLogLine(title))
      try {
        return work()
      } finally {
        core.endGroup()
      }
    },
    setFailed: (message) => {
      core.setFailed(escapeLogLine(message))
    },
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    writeFile: writeFileMakingDirectories,
    context: {
      eventName: context.eventName,
      payload: context.payload,
      repository,
      workflow: context.workflow,
      sha: context.sha,
      serverUrl: context.serverUrl,
      runUrl:
        context.runId > 0
          ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
          : undefined,
      workspace: process.env.GITHUB_WORKSPACE ?? process.cwd()
    },
    api: (token) => (token === '' ? undefined : octokitApi(token))
  }
}
