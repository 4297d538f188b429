#!/usr/bin/env node
// Runs the TypeScript CLI without a build step (tsx), so `npx feedpub` works on a fresh clone.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
