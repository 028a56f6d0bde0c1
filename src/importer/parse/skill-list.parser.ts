/**
 * The skill names of a comma-separated list, each with its first letter upper-cased:
 * "vision setting, hiring (sourcing, interviewing), and budgeting" gives
 * "Vision setting", "Hiring (sourcing, interviewing)" and "Budgeting".
 */
export function splitSkillList(text: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([{'.includes(char)) depth += 1;
    if (')]}'.includes(char)) depth = Math.max(0, depth - 1);
    if ((char === ',' || char === ';') && depth === 0) {
      names.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  names.push(current);
  return names
    .map((name) =>
      name
        .trim()
        .replace(/^(?:and|or|&)\s+/i, '')
        .replace(/\.$/, '')
        .trim(),
    )
    .filter((name) => name !== '')
    .map(capitalize);
}

function capitalize(name: string): string {
  const firstWord = name.replace(/\s.*$/s, '');
  // "iOS development" and "gRPC" are written that way on purpose.
  if (/\p{Lu}/u.test(firstWord.slice(1))) return name;
  return name.charAt(0).toUpperCase() + name.slice(1);
}
