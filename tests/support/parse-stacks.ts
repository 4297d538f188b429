// Vitest setup: tests call the synchronous parser directly (normalizeArticle, ingestUpload...), so
// every parser stack is loaded first. tests/unit/parse-stacks.test.ts checks the lazy loading itself
// in a fresh process.
import { loadParseStacks } from '../../functions/core/parse-stacks';

await loadParseStacks();
