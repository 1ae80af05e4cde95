import * as core from '@actions/core'
import * as github from '@actions/github'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { octokitApi } from './github-api.js'
import type { ActionIO } from './main.js'

/** The real runner: @actions/core for inputs, outputs, annotations and the summary. */
export function githubActionIO(): ActionIO {
  const { context } = github
  const repository = `${context.repo.owner}/${context.repo.repo}`
  return {
    getInput: (name) => core.getInput(name),
    setOutput: (name, value) => {
      core.setOutput(name, value)
    },
    annotate: (level, message, properties) => {
      core[level](message, properties)
    },
    info: (message) => {
      core.info(message)
    },
    warning: (message) => {
      core.warning(message)
    },
    setFailed: (message) => {
      core.setFailed(message)
    },
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write()
    },
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, text)
    },
    context: {
      eventName: context.eventName,
      payload: context.payload,
      repository,
      workflow: context.workflow,
      sha: context.sha,
      runUrl:
        context.runId > 0
          ? `${context.serverUrl}/${repository}/actions/runs/${context.runId}`
          : undefined,
      workspace: process.env.GITHUB_WORKSPACE ?? process.cwd()
    },
    api: (token) => (token === '' ? undefined : octokitApi(token))
  }
}
