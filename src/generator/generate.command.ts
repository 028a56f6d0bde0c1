import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { seconds } from '../common/seconds.js';
import { writeGeneratedPages } from './page-folder.writer.js';
import { taxonomyFlags, taxonomyOptions } from './taxonomy.flags.js';
import { generateTaxonomy } from './taxonomy.generator.js';

const usage = 'usage: npm run generate -- --roles 3000 --skills 14000 --links 120000 --transitions 9000 [--seed 42] [--zipf 0.65] [--lateral-moves 10] [--out .generated/pages]';

/** `npm run generate`: writes a synthetic taxonomy of the given size as career-guide pages, for `npm run import`. */
async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...taxonomyFlags,
      // A folder of its own inside .generated/, which the benchmarks also use for their parsed pages.
      out: { type: 'string', default: join('.generated', 'pages') },
    },
  });
  if (values.roles === undefined || values.skills === undefined || values.links === undefined || values.transitions === undefined) {
    console.error(usage);
    return 2;
  }
  const options = taxonomyOptions(values);
  const started = performance.now();
  const taxonomy = generateTaxonomy(options);
  const pages = await writeGeneratedPages(values.out, taxonomy);
  console.log(`Wrote ${pages} pages to ${values.out} in ${seconds(performance.now() - started)}; load them with: npm run import -- ${values.out}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
