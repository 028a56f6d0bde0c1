import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('..', import.meta.url));
const app = join(src, 'app');

interface Import {
  /** Both relative to src/, as `role/role.service.ts`. */
  file: string;
  target: string;
  typeOnly: boolean;
}

/** Every relative import and re-export of the code under src/, tests left out: they may build what they test. */
async function importsUnderSrc(): Promise<Import[]> {
  const files = (await readdir(src, { recursive: true })).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const imports: Import[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file, await readFile(join(src, file), 'utf8'), ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!(ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) continue;
      const specifier = statement.moduleSpecifier;
      if (!specifier || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue;
      const target = relative(src, resolve(src, dirname(file), specifier.text.replace(/\.js$/, '.ts')));
      imports.push({ file, target, typeOnly: isTypeOnly(statement) });
    }
  }
  return imports;
}

function isTypeOnly(statement: ts.ImportDeclaration | ts.ExportDeclaration): boolean {
  if (ts.isExportDeclaration(statement)) return statement.isTypeOnly;
  const clause = statement.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return !clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.every((element) => element.isTypeOnly);
}

const inApp = (path: string) => !relative(app, join(src, path)).startsWith('..');

describe('the composition root, src/app', () => {
  let imports: Import[];
  beforeAll(async () => {
    imports = await importsUnderSrc();
  });

  it('is where the repositories and the loaders of every entity are wired', () => {
    const wired = imports.filter((entry) => inApp(entry.file) && /\.(repository|loaders)\.ts$/.test(entry.target)).map((entry) => entry.target);
    expect(wired).toEqual(expect.arrayContaining(['role/role.repository.ts', 'role/role.loaders.ts', 'skill/skill.loaders.ts', 'transition/transition.loaders.ts']));
  });

  it('is the only place that reaches another folder\'s repository or loaders: a service has only those of its own entity', () => {
    const reaching = imports
      .filter((entry) => !inApp(entry.file) && /\.(repository|loaders)\.ts$/.test(entry.target) && dirname(entry.target) !== dirname(entry.file))
      .map((entry) => `${entry.file} imports ${entry.target}`);
    expect(reaching).toEqual([]);
  });

  it('gives the feature folders nothing but the Context type, to their resolvers', () => {
    const resolversOfContext = imports.filter((entry) => inApp(entry.target) && entry.file.endsWith('.resolver.ts'));
    expect(resolversOfContext.length).toBeGreaterThan(0);
    const features = new Set(imports.filter((entry) => entry.file.endsWith('.service.ts')).map((entry) => dirname(entry.file)));
    const reaching = imports
      .filter((entry) => inApp(entry.target) && features.has(dirname(entry.file)) && !(entry.typeOnly && basename(entry.file).endsWith('.resolver.ts')))
      .map((entry) => `${entry.file} imports ${entry.target}${entry.typeOnly ? ' (types)' : ''}`);
    expect(reaching).toEqual([]);
  });
});
