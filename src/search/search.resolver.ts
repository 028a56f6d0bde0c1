import { Arg, Ctx, Int, Query, Resolver, createUnionType } from 'type-graphql';
import type { Context } from '../app/context.js';
import { pageCost } from '../api/query-cost.js';
import { Role } from '../role/role.types.js';
import { Skill } from '../skill/skill.types.js';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'A role or a skill that matches a search.',
  types: () => [Role, Skill] as const,
  // Records are plain objects: a role has a title, a skill a name.
  resolveType: (value) => ('title' in value ? Role : Skill),
});

@Resolver()
export class SearchResolver {
  @Query(() => [SearchResult], {
    description: 'Roles whose title, question or introduction, and skills whose name, contain every word (or words starting with it).',
    complexity: pageCost,
  })
  search(
    @Arg('text', () => String) text: string,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Ctx() { search }: Context,
  ) {
    return search.search(text, first);
  }
}
