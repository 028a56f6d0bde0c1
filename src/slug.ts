import slugify from '@sindresorhus/slugify';

/**
 * The id of a role or skill: the slug of its name, so that the same name on two pages is one node.
 * Acronyms and brand names stay whole: "gRPC design" is `grpc-design`, "JavaScript" is `javascript`.
 */
export function slug(name: string): string {
  return slugify(name, { decamelize: false });
}

/**
 * Every id a name has been given: its slug, and the slug of earlier versions, which split words at inner
 * capitals ("gRPC design" was `g-rpc-design`). Ids already handed out keep working as aliases.
 */
export function slugAliases(name: string): string[] {
  return [...new Set([slug(name), slugify(name)])].filter((id) => id !== '');
}
