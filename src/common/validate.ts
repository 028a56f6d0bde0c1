import { BadUserInputError } from '../errors/error-codes.js';

const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Ids are slugs: lower-case words joined by single hyphens, as the importer makes them. */
export function requireSlug(argument: string, value: string): string {
  if (value.length > 100 || !slugPattern.test(value)) {
    throw new BadUserInputError(argument, `must be a slug such as "vp" or "change-management" (lower-case letters, digits and single hyphens), got "${value.slice(0, 100)}"`);
  }
  return value;
}

export function requireIntegerIn(argument: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadUserInputError(argument, `must be a whole number from ${min} to ${max}, got ${value}`);
  }
  return value;
}

export function requireText(argument: string, value: string, maxLength: number): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw new BadUserInputError(argument, 'must not be empty');
  if (trimmed.length > maxLength) throw new BadUserInputError(argument, `must be at most ${maxLength} characters, got ${trimmed.length}`);
  return trimmed;
}

export function requireNumberIn(argument: string, value: number, min: number, max: number): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new BadUserInputError(argument, `must be a number from ${min} to ${max}, got ${value}`);
  }
  return value;
}
