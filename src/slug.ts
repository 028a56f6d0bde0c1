import slugify from '@sindresorhus/slugify';

/**
 * The id of a role or skill: the slug of its name, so that the same name on two pages is one node.
 * Acronyms and brand names stay whole: "gRPC design" is `grpc-design`, "JavaScript" is `javascript`.
 */
export function slug(name: string): string {
  return remembered(slugs, name, () => slugify(name, { decamelize: false }));
}

/**
 * Slugs already made. An import slugs the same skill and category names on page after page (1.2 million
 * mentions of 140,000 skills at ten times ESCO), and slugify's transliteration was most of planning's time.
 * Emptied when full, so that a long-running server's memory does not grow with the names it is asked about.
 */
const slugs = new Map<string, string>();
const legacySlugs = new Map<string, string>();
const rememberedNames = 200_000;

function remembered(cache: Map<string, string>, name: string, make: () => string): string {
  let value = cache.get(name);
  if (value === undefined) {
    if (cache.size >= rememberedNames) cache.clear();
    value = make();
    cache.set(name, value);
  }
  return value;
}

/**
 * Every id a name has been given: its slug, and the slug of earlier versions, which split words at inner
 * capitals ("gRPC design" was `g-rpc-design`). Ids already handed out keep working as aliases.
 */
export function slugAliases(name: string): string[] {
  return [...new Set([slug(name), remembered(legacySlugs, name, () => slugify(name))])].filter((id) => id !== '');
}
