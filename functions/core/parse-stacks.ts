// The parser's heavy libraries, loaded on first need rather than when the module graph loads: the
// Markdown stack (markdown-it + sanitize-html) only for a Markdown body, franc-min only for a text
// that the cheap English check does not settle. A plain .txt upload, the common case, loads neither,
// so a cold ingest Lambda does not pay for them (bench/cold-load.bench.ts). The parse itself stays
// synchronous: a rule that needs a stack not yet loaded throws StackNotLoaded, and withParseStacks
// loads it and runs the parse again (once per stack per process). Dynamic import() keeps each stack
// a lazily initialised part of the esbuild bundles (and a chunk of the CLI's split bundle).
import type * as MarkdownStack from './normalize/rules/markdown-html';
import type * as Franc from 'franc-min';

export class StackNotLoaded extends Error {
  constructor(readonly needed: LazyStack<unknown>) {
    super(`the ${needed.name} stack is not loaded: run the parse through withParseStacks`);
    this.name = 'StackNotLoaded';
  }
}

export class LazyStack<T> {
  private value: T | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    readonly name: string,
    private readonly importer: () => Promise<T>,
  ) {}

  get loaded(): boolean {
    return this.value !== undefined;
  }

  /** The loaded module; throws StackNotLoaded before load() has finished. */
  get(): T {
    if (this.value === undefined) throw new StackNotLoaded(this);
    return this.value;
  }

  load(): Promise<void> {
    this.loading ??= this.importer().then(
      (module) => void (this.value = module),
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }
}

export const markdownStack = new LazyStack<typeof MarkdownStack>('Markdown (markdown-it, sanitize-html)', () => import('./normalize/rules/markdown-html'));
export const francStack = new LazyStack<typeof Franc>('language detection (franc-min)', () => import('franc-min'));

const STACKS: readonly LazyStack<unknown>[] = [markdownStack, francStack];

/** Names of the stacks this process has loaded (the cold-load test reads it). */
export function loadedParseStacks(): string[] {
  return STACKS.filter((s) => s.loaded).map((s) => s.name);
}

/** Loads every stack: for processes that parse many files anyway (feedpub build, the local parse workers). */
export async function loadParseStacks(): Promise<void> {
  await Promise.all(STACKS.map((s) => s.load()));
}

/** Runs a synchronous parse, loading each stack it turns out to need and running it again. */
export async function withParseStacks<R>(parse: () => R): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    try {
      return parse();
    } catch (error) {
      if (!(error instanceof StackNotLoaded) || attempt >= STACKS.length) throw error;
      await error.needed.load();
    }
  }
}
