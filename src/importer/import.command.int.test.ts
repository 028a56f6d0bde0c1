import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { canonicalDumpGraph, dumpGraph } from '../../tests/graph-dump.js';
import { seedGraph } from '../../tests/api-server.js';
import { openTestDatabase } from '../../tests/neo4j.js';

const run = promisify(execFile);
const database = openTestDatabase();
let folder: string;

/** Runs `npm run import -- <args>` as a user would, against the test run's Neo4j. */
async function importCommand(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { uri } = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: uri, NEO4J_USER: inject('neo4j').user ?? '', NEO4J_PASSWORD: inject('neo4j').password ?? '' };
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/importer/import.command.ts', ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const page = (body: string) => `---\nlabel: Staff Engineer\n---\n# Staff Engineer\n\n${body}\n`;

const badPages: [name: string, content: string | Uint8Array, line: number, reason: RegExp][] = [
  ['no-title.md', '## Core Responsibilities\n\n### Delivery\n- Ship things\n', 1, /title/i],
  ['ragged-table.md', page('## Key Skill Sets\n\n| Category | Skills |\n|---|---|\n| **Technical** | System design | extra |'), 10, /3 cells.*header has 2/],
  ['no-target.md', page('## Transition to\n\n### Timeline\nTypically 2-4 years.'), 6, /target/i],
  ['empty.md', '', 1, /empty/i],
  ['binary.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), 1, /binary|NUL/i],
];

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'career-graph-pages-'));
  for (const [name, content] of badPages) await writeFile(join(folder, name), content);
  await seedGraph(database);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await database.close();
});

describe('npm run import', () => {
  // Refused before any connection: the graph is compared all the same, but the test below is the one whose
  // import gets as far as the database.
  it.each(badPages)('rejects %s naming file:line, and leaves the database as it was', async (name, _content, line, reason) => {
    const before = await dumpGraph(database);
    const file = join(folder, name);
    const result = await importCommand('seed/vp.md', file);
    expect(result.code).not.toBe(0);
    const [message] = result.stderr.split('\n').filter((text) => text.startsWith('error:'));
    expect(message).toContain(`${file}:${line}: `);
    expect(message).toMatch(reason);
    expect(result.stderr).toContain('Nothing was imported.');
    expect(await dumpGraph(database)).toBe(before);
  });

  it('leaves the database as it was when a write fails half-way through', async () => {
    // A failure injected in the database: a uniqueness constraint on roles' questions, which the new page's
    // question (the VP's) breaks when the roles are written, after the import has deleted what seed/vp.md contributed so as to
    // write it again. Were that not one transaction, the VP's facts would be gone.
    await database.write('CREATE CONSTRAINT import_test_role_question IF NOT EXISTS FOR (n:Role) REQUIRE n.question IS UNIQUE');
    try {
      const file = join(folder, 'principal.md');
      await writeFile(file, '---\nlabel: Principal Engineer\n---\n# Principal Engineer\n\nYou answer the question: **"How does engineering drive business success?"**\n\n## Core Responsibilities\n\n### Design\n- Review designs\n');
      const before = await dumpGraph(database);
      const result = await importCommand('seed/vp.md', file);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/already exists with label `Role` and property `question`/);
      expect(await dumpGraph(database)).toBe(before);
    } finally {
      await database.write('DROP CONSTRAINT import_test_role_question IF EXISTS');
    }
  });

  it('prints what it created, updated and removed', async () => {
    const file = join(folder, 'staff.md');
    // A skill no other page in the test database names, so that dropping it removes the node.
    await writeFile(file, page('## Key Skill Sets\n\n| Category | Skills |\n|---|---|\n| **Technical** | System design, Glassblowing |'));
    const first = await importCommand(file);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Imported 1 page: ${file}`);
    expect(first.stdout).toMatch(/created: .*1 Role/);
    expect(first.stdout).toMatch(/removed: nothing/);

    await writeFile(file, page('## Key Skill Sets\n\n| Category | Skills |\n|---|---|\n| **Technical** | System design |'));
    const second = await importCommand(file);
    expect(second.stdout).toMatch(/removed: .*1 Skill/);
    expect(second.stdout).toMatch(/created: nothing/);
  });

  it('explains how to call it when given nothing to import', async () => {
    const result = await importCommand();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run import -- [--check [--strict] | --pages-per-run N] <page.md | folder>');
  });

  it('imports in runs of --pages-per-run pages, saying how each went, into the graph one run gives', async () => {
    await seedGraph(database);
    const inOne = await canonicalDumpGraph(database);
    const result = await importCommand('--pages-per-run', '3', 'seed');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('  run 1 of 2: write in ');
    expect(result.stderr).toContain('  run 2 of 2: derive facts in ');
    expect(result.stdout).toContain('Imported 4 pages: seed/director.md, seed/individual-contributor.md, seed/manager.md, seed/vp.md');
    expect(await canonicalDumpGraph(database)).toBe(inOne);
  });

  it.each([['0'], ['1.5'], ['many']])('refuses --pages-per-run %s', async (value) => {
    const result = await importCommand('--pages-per-run', value, 'seed');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`--pages-per-run takes a whole number of at least 1, got ${value}`);
  });
});

describe('npm run import -- --check', () => {
  it('prints what each page holds, part by part, and writes nothing', async () => {
    const before = await dumpGraph(database);
    const result = await importCommand('--check', 'tests/pages/engineering-manager.md', 'tests/pages/security-engineer.md');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      [
        'tests/pages/engineering-manager.md: role engineering-manager (Engineering Manager), also EM, Eng Manager',
        '  responsibilities 4, skills 5, activities 3, scope 2, comparison facts 2',
        '  transitions 1 (Director): timelines 1, shifts 3, actions 3, pitfalls 2, indicators 1',
      ].join('\n'),
    );
    expect(result.stdout).toContain('  info: tests/pages/engineering-manager.md:46: read "Key Actions to Make the Move" as key actions');
    expect(result.stdout).toContain('  generic section: "Where People Stumble" at tests/pages/security-engineer.md:23');
    expect(result.stdout).toContain('Checked 2 pages: 0 errors, 1 generic section. Nothing was written.');
    expect(await dumpGraph(database)).toBe(before);
  });

  it('fails with --strict when content was kept as a generic section', async () => {
    expect((await importCommand('--check', '--strict', 'tests/pages/engineering-manager.md')).code).toBe(0);
    expect((await importCommand('--check', '--strict', 'tests/pages/security-engineer.md')).code).toBe(1);
  });

  it('fails on bad pages, naming every one of them by file:line', async () => {
    const result = await importCommand('--check', folder);
    expect(result.code).toBe(1);
    for (const [name, , line] of badPages) expect(result.stdout).toContain(`error: ${join(folder, name)}:${line}: `);
  });
});
