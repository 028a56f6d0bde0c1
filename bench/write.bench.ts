import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { CurationRepository } from '../src/curation/curation.repository.js';
import { taxonomyFlags, taxonomyOptions } from '../src/generator/taxonomy.flags.js';
import { Random } from '../src/generator/random.js';
import { issueScale, loadGeneratedGraph, log, startBenchNeo4j, timed } from './bench-graph.js';

/**
 * `npm run bench:write`: a Neo4j of its own, the issue's generated graph (3,000 roles) imported into it, then
 * curators' edits on random roles, each timed as the transaction the mutation runs in the server (the write,
 * then deriving again what it changed: levels, developments, derived skills, skill centrality). Each kind of
 * edit runs --runs times on different random roles, after one untimed run.
 */
const { values } = parseArgs({
  options: {
    ...taxonomyFlags,
    roles: { type: 'string', default: String(issueScale.roles) },
    skills: { type: 'string', default: String(issueScale.skills) },
    links: { type: 'string', default: String(issueScale.links) },
    transitions: { type: 'string', default: String(issueScale.transitions) },
    runs: { type: 'string', default: '15' },
  },
});
const runs = Number(values.runs);

async function main(): Promise<void> {
  const loadAtStart = loadavg()[0] ?? 0;
  const neo4j = await startBenchNeo4j();
  const { database } = neo4j;
  try {
    const { figures } = await loadGeneratedGraph(database, taxonomyOptions(values));
    const roles = (await database.read<{ id: string }>('MATCH (r:Role) RETURN r.id AS id ORDER BY id')).map((row) => row.id);
    const skills = await database.read<{ id: string; name: string }>('MATCH (s:Skill) RETURN s.id AS id, s.name AS name ORDER BY id');
    const curation = new CurationRepository(database);
    const random = new Random(14);
    let created = 0;
    // Each edit is undone by the next kind (a skill added, then removed; a transition added, then deleted), so
    // the graph stays the generated one; what is added is drawn anew each run.
    const added: { role: string; skill: string }[] = [];
    const moves: { from: string; to: string }[] = [];
    const kinds: { name: string; work: () => Promise<unknown> }[] = [
      {
        name: 'addSkillToRole, an existing skill',
        work: () => {
          const edit = { role: random.pick(roles), skill: random.pick(skills) };
          added.push({ role: edit.role, skill: edit.skill.id });
          return curation.addSkill(edit.role, { ...edit.skill, category: null, categoryId: null });
        },
      },
      {
        name: 'addSkillToRole, a new skill named with words of the graph (may be developed by transitions)',
        work: () => {
          created += 1;
          const role = random.pick(roles);
          const skill = { id: `bench-skill-${created}`, name: `${random.pick(skills).name.split(' ')[0] ?? ''} ${random.pick(skills).name.split(' ').at(-1) ?? ''}` };
          added.push({ role, skill: skill.id });
          return curation.addSkill(role, { ...skill, category: 'Bench', categoryId: 'bench' });
        },
      },
      {
        name: 'removeSkillFromRole (those added above)',
        work: () => {
          const edit = added.shift() ?? { role: random.pick(roles), skill: random.pick(skills).id };
          return curation.removeSkill(edit.role, edit.skill);
        },
      },
      {
        name: 'upsertTransition between two random roles',
        work: () => {
          const move = { from: random.pick(roles), to: random.pick(roles) };
          moves.push(move);
          return curation.upsertTransition(move.from, move.to, { timelineText: null, minYears: 1, maxYears: 3, openEnded: false });
        },
      },
      {
        name: 'deleteTransition (those added above)',
        work: () => {
          const move = moves.shift() ?? { from: random.pick(roles), to: random.pick(roles) };
          return curation.deleteTransition(move.from, move.to);
        },
      },
      { name: 'updateRole (title)', work: () => curation.updateRole(random.pick(roles), { title: `Renamed ${created}` }) },
      {
        name: 'createRole',
        work: () => {
          created += 1;
          return curation.createRole(`bench-role-${created}`, { title: `Bench role ${created}` });
        },
      },
      // Last, since it takes a random role with its skills and transitions away for good.
      { name: 'deleteRole, a random generated role', work: () => curation.deleteRole(roles.splice(random.below(roles.length), 1)[0] as string) },
    ];
    const rows: string[] = [];
    for (const kind of kinds) {
      log(kind.name);
      await kind.work();
      const all: number[] = [];
      for (let run = 0; run < runs; run += 1) all.push((await timed(kind.work)).ms);
      const ordered = [...all].sort((a, b) => a - b);
      const at = (share: number) => (ordered[Math.min(ordered.length - 1, Math.floor(ordered.length * share))] as number).toFixed(0);
      rows.push(`| ${kind.name} | ${at(0.5)} ms | ${at(0.9)} ms | ${at(1)} ms |`);
    }
    console.log(
      `\n${new Date().toISOString()} · ${cpus().length} CPUs · ${(totalmem() / 2 ** 30).toFixed(0)} GiB · Node ${process.version} · ${runs} runs of each · load average ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end\n`,
    );
    console.log('| Step | Time |\n|---|---|');
    for (const [step, time] of Object.entries(figures)) console.log(`| ${step} | ${time} |`);
    console.log('\n| Curator edit (its transaction) | p50 | p90 | max |\n|---|---|---|---|');
    for (const row of rows) console.log(row);
  } finally {
    await neo4j.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
