import { main, processIO, type CliIO } from '../../src/cli/main.js'

/** Runs the CLI in-process with real file writes, capturing its exit code, stdout and stderr. */
export async function runCli(
  argv: readonly string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const io: CliIO = {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    writeFile: processIO.writeFile,
    reportTargetProblem: processIO.reportTargetProblem
  }
  return { code: await main(argv, io), stdout, stderr }
}
