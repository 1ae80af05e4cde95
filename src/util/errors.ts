/** Bad usage or configuration: the CLI exits 2 and prints the message, never a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
