import slugify from '@sindresorhus/slugify';
import { remembered } from './common/remembered.js';

// An import slugs the same skill and category names on page after page (1.2 million mentions of 140,000 skills
// at ten times ESCO), and slugify's transliteration was most of planning's time: each slug is made once.

/**
 * The id of a role or skill: the slug of its name, so that the same name on two pages is one node.
 * Acronyms and brand names stay whole: "gRPC design" is `grpc-design`, "JavaScript" is `javascript`.
 */
export const slug = remembered((name) => slugify(name, { decamelize: false }));

const legacySlug = remembered((name) => slugify(name));

/**
 * Every id a name has been given: its slug, and the slug of earlier versions, which split words at inner
 * capitals ("gRPC design" was `g-rpc-design`). Ids already handed out keep working as aliases.
 */
export function slugAliases(name: string): string[] {
  return [...new Set([slug(name), legacySlug(name)])].filter((id) => id !== '');
}
