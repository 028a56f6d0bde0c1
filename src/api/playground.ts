import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import express, { type Router } from 'express';
import { renderPlaygroundPage } from 'graphql-playground-html';

const require = createRequire(import.meta.url);
const playgroundBuild = join(dirname(require.resolve('graphql-playground-react/package.json')), 'build');
const assetsPath = '/vendor/graphql-playground';

/**
 * GraphQL Playground at GET /graphql for browsers, served from the project's own dependencies: its page
 * normally loads the app from a CDN, which is pointed here instead, and the web font link is dropped, so
 * it works with no internet.
 */
export function playgroundRouter(endpoint: string): Router {
  const html = renderPlaygroundPage({ endpoint, cdnUrl: '', version: '', settings: { 'request.credentials': 'same-origin' } })
    .replaceAll('/graphql-playground-react/build', assetsPath)
    .replace(/<link[^>]*fonts\.googleapis\.com[^>]*>/g, '');
  const router = express.Router();
  router.use(assetsPath, express.static(playgroundBuild, { immutable: true, maxAge: '7d' }));
  router.get(endpoint, (request, response, next) => {
    const wantsPage = request.accepts(['json', 'html']) === 'html' && request.query.query === undefined;
    if (wantsPage) response.type('html').send(html);
    else next();
  });
  return router;
}
