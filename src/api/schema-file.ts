import { join } from 'node:path';
import { projectRoot } from '../config.js';

export const schemaFile = join(projectRoot, 'schema', 'schema.graphql');
