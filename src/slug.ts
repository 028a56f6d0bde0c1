import slugify from '@sindresorhus/slugify';

/** The id of a role or skill: the slug of its name, so that the same name on two pages is one node. */
export function slug(name: string): string {
  return slugify(name);
}
