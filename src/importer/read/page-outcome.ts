import type { RolePage } from '../parse/page.model.js';

/** What parsing one page file in a worker gives: the page, or where and why it is not one. */
export type PageOutcome = { page: RolePage } | { error: { file: string; line: number; reason: string } };
