import { buildWeb } from './build.js';
import { webDistDir } from '../src/career-map/web.router.js';

/** `npm run build:web`, run before `npm start` and `npm test`. */
await buildWeb();
console.log(`Built the career map page in ${webDistDir}`);
