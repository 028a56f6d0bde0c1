/** A page that cannot be read as a role page. The message names the file and line, as compilers do. */
export class PageFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = 'PageFormatError';
  }
}
