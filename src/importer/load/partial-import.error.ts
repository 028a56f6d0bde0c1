/**
 * A run of an import in several runs failed after earlier runs committed: the graph holds the pages of those
 * runs and not of the others. Importing the same pages again finishes it (each page replaces what it
 * contributed before), and until then derived facts are out of date: the next write derives them whole.
 */
export class PartialImportError extends Error {
  constructor(
    /** The files of the runs that committed. */
    readonly importedFiles: string[],
    readonly pageCount: number,
    readonly failedRun: { index: number; of: number },
    options: { cause: unknown },
  ) {
    const reason = options.cause instanceof Error ? options.cause.message : String(options.cause);
    const before = failedRun.index === 2 ? 'run 1 was' : `runs 1 to ${failedRun.index - 1} were`;
    super(
      `${reason}\nRun ${failedRun.index} of ${failedRun.of} was not imported, nor any after it; ${before} ` +
        `(${importedFiles.length} of ${pageCount} pages, ${importedFiles[0]} to ${importedFiles.at(-1)}). Import the same pages again to finish: ` +
        'each page replaces what it contributed before. Until an import finishes, levels, developments and centrality leave out the pages imported so far.',
      options,
    );
    this.name = 'PartialImportError';
  }
}
