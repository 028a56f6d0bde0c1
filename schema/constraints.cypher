// Applied at every start-up; each statement is idempotent.
// Nodes that pages share are keyed by the slug of their name.
CREATE CONSTRAINT role_id IF NOT EXISTS FOR (n:Role) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT skill_category_id IF NOT EXISTS FOR (n:SkillCategory) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT transition_id IF NOT EXISTS FOR (n:Transition) REQUIRE n.id IS UNIQUE;
// Nodes that one page owns are keyed by page and position, so re-importing a page can find and replace them.
CREATE CONSTRAINT responsibility_id IF NOT EXISTS FOR (n:Responsibility) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT activity_id IF NOT EXISTS FOR (n:Activity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT scope_id IF NOT EXISTS FOR (n:ScopeItem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT comparison_fact_id IF NOT EXISTS FOR (n:ComparisonFact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT shift_id IF NOT EXISTS FOR (n:Shift) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT action_id IF NOT EXISTS FOR (n:Action) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pitfall_id IF NOT EXISTS FOR (n:Pitfall) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT readiness_id IF NOT EXISTS FOR (n:ReadinessIndicator) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
// The one node that imports and curators' edits lock first, so that they run one at a time (src/neo4j/graph-write.lock.ts).
CREATE CONSTRAINT graph_write_lock_id IF NOT EXISTS FOR (n:GraphWriteLock) REQUIRE n.id IS UNIQUE;
// Re-importing a page looks up everything it contributed by its source file: every label has an index on it, or
// the import's snapshot and delete queries scan that label whole.
CREATE INDEX role_source IF NOT EXISTS FOR (n:Role) ON (n.sourceFile);
CREATE INDEX skill_source IF NOT EXISTS FOR (n:Skill) ON (n.sourceFile);
CREATE INDEX skill_category_source IF NOT EXISTS FOR (n:SkillCategory) ON (n.sourceFile);
CREATE INDEX responsibility_source IF NOT EXISTS FOR (n:Responsibility) ON (n.sourceFile);
CREATE INDEX activity_source IF NOT EXISTS FOR (n:Activity) ON (n.sourceFile);
CREATE INDEX scope_source IF NOT EXISTS FOR (n:ScopeItem) ON (n.sourceFile);
CREATE INDEX comparison_fact_source IF NOT EXISTS FOR (n:ComparisonFact) ON (n.sourceFile);
CREATE INDEX transition_source IF NOT EXISTS FOR (n:Transition) ON (n.sourceFile);
CREATE INDEX section_source IF NOT EXISTS FOR (n:Section) ON (n.sourceFile);
CREATE INDEX shift_source IF NOT EXISTS FOR (n:Shift) ON (n.sourceFile);
CREATE INDEX action_source IF NOT EXISTS FOR (n:Action) ON (n.sourceFile);
CREATE INDEX pitfall_source IF NOT EXISTS FOR (n:Pitfall) ON (n.sourceFile);
CREATE INDEX readiness_source IF NOT EXISTS FOR (n:ReadinessIndicator) ON (n.sourceFile);
// Every relationship records its source too, so re-importing finds and replaces what a page contributed.
CREATE INDEX has_responsibility_source IF NOT EXISTS FOR ()-[r:HAS_RESPONSIBILITY]-() ON (r.sourceFile);
CREATE INDEX requires_skill_source IF NOT EXISTS FOR ()-[r:REQUIRES_SKILL]-() ON (r.sourceFile);
CREATE INDEX in_category_source IF NOT EXISTS FOR ()-[r:IN_CATEGORY]-() ON (r.sourceFile);
CREATE INDEX has_activity_source IF NOT EXISTS FOR ()-[r:HAS_ACTIVITY]-() ON (r.sourceFile);
CREATE INDEX has_scope_source IF NOT EXISTS FOR ()-[r:HAS_SCOPE]-() ON (r.sourceFile);
CREATE INDEX has_fact_source IF NOT EXISTS FOR ()-[r:HAS_FACT]-() ON (r.sourceFile);
CREATE INDEX has_section_source IF NOT EXISTS FOR ()-[r:HAS_SECTION]-() ON (r.sourceFile);
CREATE INDEX has_transition_source IF NOT EXISTS FOR ()-[r:HAS_TRANSITION]-() ON (r.sourceFile);
CREATE INDEX leads_to_source IF NOT EXISTS FOR ()-[r:LEADS_TO]-() ON (r.sourceFile);
CREATE INDEX transitions_to_source IF NOT EXISTS FOR ()-[r:TRANSITIONS_TO]-() ON (r.sourceFile);
CREATE INDEX requires_shift_source IF NOT EXISTS FOR ()-[r:REQUIRES_SHIFT]-() ON (r.sourceFile);
CREATE INDEX has_action_source IF NOT EXISTS FOR ()-[r:HAS_ACTION]-() ON (r.sourceFile);
CREATE INDEX has_pitfall_source IF NOT EXISTS FOR ()-[r:HAS_PITFALL]-() ON (r.sourceFile);
CREATE INDEX has_indicator_source IF NOT EXISTS FOR ()-[r:HAS_INDICATOR]-() ON (r.sourceFile);
CREATE INDEX requires_skill_derived IF NOT EXISTS FOR ()-[r:REQUIRES_SKILL]-() ON (r.derived);
CREATE INDEX role_level IF NOT EXISTS FOR (n:Role) ON (n.level);
CREATE INDEX skill_name IF NOT EXISTS FOR (n:Skill) ON (n.name);
// The skills a few transitions' texts may name, sought by the longest stem of their names (derived-facts.writer.ts).
CREATE INDEX skill_key_stem IF NOT EXISTS FOR (n:Skill) ON (n.keyStem);
// The transitions whose texts hold every stem of a skill's name, found without reading every transition's list
// (derived-facts.scope.ts); the keyword analyzer keeps each stem one term.
CREATE FULLTEXT INDEX transition_stems IF NOT EXISTS FOR (n:Transition) ON EACH [n.stems] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
CREATE INDEX role_title IF NOT EXISTS FOR (n:Role) ON (n.title);
CREATE INDEX role_page IF NOT EXISTS FOR (n:Role) ON (n.pageFile);
CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:Role|Skill) ON EACH [n.title, n.name, n.question, n.summary];
