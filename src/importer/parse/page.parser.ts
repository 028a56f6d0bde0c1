import type { RootContent, Yaml } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { slug } from '../../slug.js';
import { frontMatterLabel, parseFrontMatter } from './front-matter.parser.js';
import { lineOf } from './node-position.js';
import { parsePageEvents } from './page-event.parser.js';
import { PageFormatError } from '../page-format.error.js';
import type { PageRole, RolePage } from './page.model.js';
import { parsePageParts } from './page-part.parser.js';
import { blockText, inlineText } from './plain-text.renderer.js';
import { pageRoleAliases, splitParenthesised } from './role-alias.parser.js';
import { RolePageBuilder } from './role-page.builder.js';
import { assertTableShapes } from './table-shape.validator.js';

/** Reads a career-guide page; throws PageFormatError when it cannot be read as a role page. */
export function parseRolePage(markdown: string, file: string): RolePage {
  const root = fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
  assertTableShapes(root, markdown, file);
  const frontMatter = parseFrontMatter(root.children.find(isYaml), file);
  const titleIndex = root.children.findIndex((node) => node.type === 'heading' && node.depth === 1);
  const title = root.children[titleIndex];
  if (title?.type !== 'heading') {
    throw new PageFormatError(file, 1, "no title: a role page starts with a '# ' heading");
  }
  const builder = new RolePageBuilder(file, pageRole(inlineText(title), lineOf(title), frontMatter, file, markdown));
  const beforeTitle = root.children
    .slice(0, titleIndex)
    .filter((node) => !isYaml(node) && node.type !== 'thematicBreak');
  const [first] = beforeTitle;
  if (first !== undefined) builder.keep('Before the title', beforeTitle.map(blockText).join('\n\n'), lineOf(first));
  parsePageParts(parsePageEvents(root.children.slice(titleIndex + 1)), builder);
  return builder.build(frontMatter);
}

function isYaml(node: RootContent): node is Yaml {
  return node.type === 'yaml';
}

function pageRole(title: string, line: number, frontMatter: Record<string, unknown>, file: string, markdown: string): PageRole {
  if (title === '') throw new PageFormatError(file, line, "empty title: the '# ' heading names the role");
  // "Principal Engineer (PE)" is Principal Engineer, whose page defines PE as another name.
  const label = frontMatterLabel(frontMatter) ?? splitParenthesised(title).name;
  const id = slug(label);
  if (id === '') throw new PageFormatError(file, line, `"${label}" cannot name a role: it has no letters or digits`);
  const aliases = pageRoleAliases(markdown, [label, title], frontMatter);
  return { id, label, title, aliases, question: null, summary: null, line };
}
