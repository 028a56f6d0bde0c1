import { join } from 'node:path';
import express, { type Router } from 'express';
import { projectRoot } from '../config.js';

/** Where `npm run build:web` puts the career map page. */
export const webDistDir = join(projectRoot, 'web', 'dist');

/**
 * Scripts, styles and API calls only from this server: the page works with no internet, and a script
 * injected from elsewhere would not run.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  // The heatmap colours its cells with style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The career map page at /, from the built bundle in distDir. */
export function careerMapRouter(distDir: string = webDistDir): Router {
  const router = express.Router();
  router.use(
    express.static(distDir, {
      index: 'index.html',
      setHeaders: (response) => response.setHeader('Content-Security-Policy', contentSecurityPolicy),
    }),
  );
  router.get('/', (_request, response) => {
    response.status(503).type('text').send('The career map page has not been built: run `npm run build:web`, then reload.');
  });
  return router;
}
