import { main, processIO, type CliIO } from '../../src/cli/main.js'

/**
 * Runs the CLI in-process with real file writes, capturing its exit code, stdout and stderr. No
 * colour, no terminal and no environment (so no user cache) unless `io` gives them.
 */
export async function runCli(
  argv: readonly string[],
  io: Partial<Pick<CliIO, 'color' | 'stderrIsTerminal' | 'env'>> = {}
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
