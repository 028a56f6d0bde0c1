import { describe, expect, it } from 'vitest';
import { comparedRoles, pageRoleAliases, splitParenthesised } from './role-alias.parser.js';

describe('pageRoleAliases', () => {
  it('takes an abbreviation the page defines for its own role, bold or not, and no other', () => {
    const markdown = 'As an **Individual Contributor (IC)**, you work with Site Reliability Engineers (SRE) and product managers (PMs).';
    expect(pageRoleAliases(markdown, ['Individual Contributor'], {})).toEqual(['IC']);
  });

  it('takes the second name of the title, and front matter aliases as a list or a comma-separated string', () => {
    expect(pageRoleAliases('', ['Individual Contributor', 'Individual Contributor (Software Engineer)'], {})).toEqual(['Software Engineer']);
    expect(pageRoleAliases('', ['Frontend Engineer'], { aliases: ['FE', 'Front-end Engineer'] })).toEqual(['FE', 'Front-end Engineer']);
    expect(pageRoleAliases('', ['Director'], { aliases: 'Head of Engineering, Dir' })).toEqual(['Head of Engineering', 'Dir']);
  });

  it('leaves out a name the role already answers to', () => {
    expect(pageRoleAliases('', ['EM', 'Engineering Manager'], { aliases: ['em', 'EM'] })).toEqual([]);
  });
});

describe('splitParenthesised and comparedRoles', () => {
  it('split "Principal Engineer (PE)" and read the roles of "Comparison: IC vs EM"', () => {
    expect(splitParenthesised('Principal Engineer (PE)')).toEqual({ name: 'Principal Engineer', also: 'PE' });
    expect(splitParenthesised('Manager')).toEqual({ name: 'Manager', also: null });
    expect(comparedRoles('Comparison: IC vs EM')).toEqual(['IC', 'EM']);
    expect(comparedRoles('Staff vs Principal vs Distinguished Engineer')).toEqual(['Staff', 'Principal', 'Distinguished Engineer']);
    expect(comparedRoles('Key Differences Summary')).toEqual([]);
  });
});
