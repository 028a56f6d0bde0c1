import { slug } from '../../slug.js';

/** A name followed by a parenthesis, as "Individual Contributor (Software Engineer)". */
const PARENTHESISED = /^(.+?)\s*\(([^()]+)\)\s*$/;

/** An abbreviation: one word of at least two capitals or digits besides letters, as IC, VPE, SWE or EM2. */
const ABBREVIATION = /^(?=(?:.*[A-Z]){2})[A-Za-z0-9&]{2,8}$/;

export function isAbbreviation(word: string): boolean {
  return ABBREVIATION.test(word);
}

/** The roles a heading compares: "IC" and "Manager" in "Comparison: IC vs Manager"; none in other headings. */
export function comparedRoles(heading: string): string[] {
  const match = /(?:^|:)\s*([^:]+?)\s+(?:vs\.?|versus)\s+([^:]+)$/i.exec(heading);
  if (match === null) return [];
  return [match[1] ?? '', ...(match[2] ?? '').split(/\s*(?:,|\/|&|\bor\b|\band\b|\bvs\.?|\bversus\b)\s*/i)]
    .map((name) => name.replace(/^(?:the|a|an)\s+/i, '').trim())
    .filter((name) => name !== '');
}

/** The name and the parenthesised second name of "Principal Engineer (PE)"; just the name when there is none. */
export function splitParenthesised(name: string): { name: string; also: string | null } {
  const match = PARENTHESISED.exec(name);
  const outer = match?.[1]?.trim();
  const inner = match?.[2]?.trim();
  return outer && inner ? { name: outer, also: inner } : { name, also: null };
}

/**
 * The other names a page gives its own role: the second name of its title ("Individual Contributor
 * (Software Engineer)"), the abbreviations it defines for it anywhere ("as an Individual Contributor (IC), you…"),
 * and the `aliases` of its front matter, as a list or a comma-separated string.
 */
export function pageRoleAliases(markdown: string, names: string[], frontMatter: Record<string, unknown>): string[] {
  const aliases: string[] = [];
  const own = names.flatMap((name) => {
    const { name: outer, also } = splitParenthesised(name);
    if (also !== null) aliases.push(also);
    return [name, outer];
  });
  const ownSlugs = new Set(own.map(slug));
  // Markers are dropped so that "**Individual Contributor** (IC)" defines IC as well.
  const text = markdown.replace(/[*_`]/g, '');
  for (const match of text.matchAll(/\(([^()\n]{2,8})\)/g)) {
    const abbreviation = match[1]?.trim() ?? '';
    if (!isAbbreviation(abbreviation)) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 80), match.index).trimEnd();
    if (endsWithName(before, own)) aliases.push(abbreviation);
  }
  aliases.push(...frontMatterAliases(frontMatter));
  const seen = new Set(ownSlugs);
  return aliases.filter((alias) => {
    const id = slug(alias);
    if (id === '' || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Whether the text ends with one of the names, as whole words. */
function endsWithName(text: string, names: string[]): boolean {
  const lower = text.toLowerCase().replace(/\s+/g, ' ');
  return names.some((name) => {
    const wanted = name.toLowerCase().replace(/\s+/g, ' ');
    return lower.endsWith(wanted) && !/[a-z0-9]/.test(lower.charAt(lower.length - wanted.length - 1));
  });
}

function frontMatterAliases(frontMatter: Record<string, unknown>): string[] {
  const value = frontMatter['aliases'] ?? frontMatter['alias'] ?? frontMatter['aka'];
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
  return list.filter((item) => typeof item === 'string' || typeof item === 'number').map((item) => String(item).trim());
}
