import { describe, expect, it } from 'vitest';
import { slug, slugAliases } from './slug.js';

describe('slug', () => {
  it('keeps acronyms and brand names whole', () => {
    expect(['gRPC design', 'iOS development', 'JavaScript', 'VP of Engineering', 'CI/CD'].map(slug)).toEqual([
      'grpc-design',
      'ios-development',
      'javascript',
      'vp-of-engineering',
      'ci-cd',
    ]);
  });

  it('keeps the ids earlier versions issued as aliases', () => {
    expect(slugAliases('gRPC design')).toEqual(['grpc-design', 'g-rpc-design']);
    expect(slugAliases('System design')).toEqual(['system-design']);
  });
});
