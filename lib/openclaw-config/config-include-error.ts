/** A `$include` that cannot be resolved or a file that does not parse; its message names the file. */
export class ConfigIncludeError extends Error {}
