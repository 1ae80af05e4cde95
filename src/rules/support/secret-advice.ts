import type { Dialect } from '../../platforms/platform.js'

// How server-secret words a found secret's place and its replacement, per platform.

/** The variable to hold the secret: the env key it sits under, or a name for its kind. */
export function variableName(
  platform: Dialect,
  path: readonly (string | number)[],
  detector: string
) {
  return path[0] === (platform.translation.envKey ?? 'env') &&
    typeof path[1] === 'string' &&
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(path[1])
    ? path[1]
    : detector === 'url-credentials' || detector === 'password'
      ? 'DB_PASSWORD'
      : 'API_TOKEN'
}

/** How to write the value as a reference on this platform. */
export function advice(
  platform: Dialect,
  name: string,
  path: readonly (string | number)[],
  scheme: string
): string {
  switch (platform.translation.references) {
    case 'brace':
      return `write "${scheme}\${${name}}" in its place and set ${name} in the environment`
    case 'env-prefix':
      return platform.interpolation.prefixes.includes('input')
        ? `write "${scheme}\${input:${name.toLowerCase()}}" (an input with "password": true) or "${scheme}\${env:${name}}"`
        : `write "${scheme}\${env:${name}}" in its place and set ${name} in the environment`
    case 'curly-env':
      return `write "${scheme}{env:${name}}" in its place and set ${name} in the environment`
    case 'secrets-template':
      return `write "${scheme}\${{ secrets.${name} }}" in its place and set ${name} in the environment or an uncommitted .env`
    case 'env-vars':
      return path[0] === 'http_headers'
        ? 'use bearer_token_env_var or env_http_headers to name the variable that holds it'
        : `forward it with env_vars = ["${name}"] instead`
    case 'none':
      return (
        platform.interpolation.secretAdvice?.replaceAll('{name}', name) ??
        'leave it out of the file and set it in the environment the client starts from'
      )
  }
}

export function fieldName(path: readonly (string | number)[]): string {
  return path
    .map((segment, index) =>
      typeof segment === 'number' ? `[${segment}]` : index === 0 ? segment : `.${segment}`
    )
    .join('')
}
