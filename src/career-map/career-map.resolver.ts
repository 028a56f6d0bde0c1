import { Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../app/context.js';
import { CareerMap } from './career-map.types.js';

@Resolver(() => CareerMap)
export class CareerMapResolver {
  @Query(() => CareerMap, { description: 'Every role and transition in one answer, as nodes and edges for drawing the graph; the career map page draws it.' })
  careerMap(@Ctx() { careerMap }: Context): Promise<CareerMap> {
    return careerMap.map();
  }
}
