import type { TaxonomyOptions } from './taxonomy.generator.js';

/** The flags that size a generated taxonomy, as `parseArgs` options; `npm run generate` and the benchmarks share them. */
export const taxonomyFlags = {
  roles: { type: 'string' },
  skills: { type: 'string' },
  links: { type: 'string' },
  transitions: { type: 'string' },
  seed: { type: 'string', default: '42' },
  zipf: { type: 'string', default: '0.65' },
  /** Lateral and cross-family moves per role on top of the ladder: a dense graph with cycles. */
  'lateral-moves': { type: 'string', default: '0' },
} as const;

export type TaxonomyFlagValues = Partial<Record<keyof typeof taxonomyFlags, string>>;

/** The generator's options from the flags' values; throws an error naming the flag when one is missing or not a number. */
export function taxonomyOptions(values: TaxonomyFlagValues): TaxonomyOptions {
  const count = (flag: 'roles' | 'skills' | 'links' | 'transitions' | 'seed' | 'lateral-moves', least: number): number => {
    const raw = values[flag];
    const value = Number(raw);
    if (raw === undefined || raw.trim() === '' || !Number.isSafeInteger(value) || value < least) {
      throw new Error(`--${flag} must be a whole number of at least ${least}, got ${raw === undefined ? 'nothing' : `"${raw}"`}`);
    }
    return value;
  };
  const zipfExponent = Number(values.zipf);
  if (values.zipf === undefined || values.zipf.trim() === '' || !Number.isFinite(zipfExponent) || zipfExponent <= 0) {
    throw new Error(`--zipf must be a number above 0, got "${values.zipf ?? ''}"`);
  }
  return {
    roles: count('roles', 1),
    skills: count('skills', 1),
    links: count('links', 1),
    transitions: count('transitions', 0),
    seed: count('seed', 0),
    zipfExponent,
    lateralMoves: count('lateral-moves', 0),
  };
}
