import { describe, expect, it } from 'vitest';
import { classifyPartName, isFamiliarPartName } from './part-name.classifier.js';

describe('classifyPartName', () => {
  it.each([
    ['Key Actions to Make the Transition', 'actions'],
    ['Key Actions to Make the Move', 'actions'],
    ['Steps to Take', 'actions'],
    ['Key Shifts Required', 'shifts'],
    ['Mindset Shifts', 'shifts'],
    ['What Changes', 'shifts'],
    ['Common Pitfalls to Avoid', 'pitfalls'],
    ['Mistakes to Avoid', 'pitfalls'],
    ['Traps', 'pitfalls'],
    ['Typical Timeline', 'timeline'],
    ['How Long It Takes', 'timeline'],
    ['Typical Day-to-Day Activities', 'activities'],
    ['A Typical Week', 'activities'],
    ['3. A Day in the Life', 'activities'],
    ['Key Skill Sets', 'skills'],
    ['Skills & Competencies', 'skills'],
    ["What You're Responsible For", 'responsibilities'],
    ['1. Core Responsibilities', 'responsibilities'],
    ['Typical Scope', 'scope'],
    ['Comparison: VP vs CTO', 'comparison'],
    ['IC vs Manager', 'comparison'],
    ['Key Differences Summary', 'comparison'],
    ['Transition to CTO or CEO', 'transition'],
    ['Moving Into Director', 'transition'],
    ['Becoming a VP of Engineering', 'transition'],
    ['Transition from Individual Contributor to Manager', 'transition'],
    ['Typical Week', 'activities'],
    ["What You'll Do", 'responsibilities'],
    ["How You Know You're Ready", 'readiness'],
    ['Path to CTO', 'path'],
    ['Career Progression Indicators', 'readiness'],
    ["Signs You're Ready", 'readiness'],
  ] as const)('reads "%s" as %s', (name, kind) => {
    expect(classifyPartName(name)).toBe(kind);
  });

  it.each(['Avoid Common Pitfalls', 'Learn the Business Side', 'Week 1 Priorities', 'Where People Stumble', 'Hours per Week by Activity', 'Further Reading'])(
    'reads "%s" as no part: a word that does not qualify the key word comes first',
    (name) => {
      expect(classifyPartName(name)).toBeNull();
    },
  );
});

describe('isFamiliarPartName', () => {
  it('knows the seed pages\' wordings, and no others', () => {
    expect(['Core Responsibilities', 'Key Actions', 'Common Pitfalls to Avoid', 'Transition to VP'].every(isFamiliarPartName)).toBe(true);
    expect(['Key Actions to Make the Move', 'Moving Into Director', 'Mistakes to Avoid'].some(isFamiliarPartName)).toBe(false);
  });
});
