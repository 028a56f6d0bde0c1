import type { TestApi } from './api-server.js';

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

/**
 * Every page of a connection field, `first` at a time, following endCursor until hasNextPage is false.
 * `args` are the field's other arguments as GraphQL text, e.g. `orderBy: LEVEL_DESC`.
 */
export async function allPages<T>(api: TestApi, field: string, args: string, first: number, selection: string): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let after: string | null = null;
  do {
    const response = await api.query<Record<string, Page<T>>>(
      `query ($after: String) { ${field}(${args} first: ${first}, after: $after) {
        edges { cursor node { ${selection} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } totalCount } }`,
      { after },
    );
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    const page = response.data?.[field] as Page<T>;
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    if (pages.length > 1000) throw new Error(`${field} did not reach its last page`);
  } while (after !== null);
  return pages;
}
