import { main, processIO, type CliIO } from '../../src/cli/main.js'

/**
 * Runs the CLI in-process with real file writes, capturing its exit code, stdout and stderr. No
 * colour, no terminal and no environment (so no user cache) unless `io` gives them; `io` may also
 * keep the writes off the disk.
 */
export async function runCli(
  argv: readonly string[],
  io: Partial<
    Pick<CliIO, 'color' | 'stderrIsTerminal' | 'env' | 'writeFile' | 'reportTargetProblem'>
  > = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const captured: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    writeFile: processIO.writeFile,
    reportTargetProblem: processIO.reportTargetProblem,
    ...io
  }
  return { code: await main(argv, captured), stdout, stderr }
}

/**
 * Runs the CLI in-process with nothing written to disk: a report it writes is kept in `written`,
 * by the path it was given, and every `--output` target is taken as writable.
 */
export async function runCliInMemory(argv: readonly string[]): Promise<{
  code: number
  stdout: string
  stderr: string
  written: Map<string, string>
}> {
  const written = new Map<string, string>()
  const result = await runCli(argv, {
    writeFile: (path, text) => {
      written.set(path, text)
      return Promise.resolve()
    },
    reportTargetProblem: () => Promise.resolve(undefined)
  })
  return { ...result, written }
}
