// Runs a Step Functions definition in aws-local-stepfunctions, an ASL interpreter from npm written
// by others: it evaluates the states, paths, payload templates, intrinsics, Retry and Catch, Choice,
// Succeed and Fail as the language defines them. It has no Distributed Map (ItemReader, ItemBatcher,
// ResultWriter, ToleratedFailureCount), and no intrinsic in a Fail's CausePath, so
// `lowerForLocalRun` rewrites exactly those parts into states it runs, emulating the AWS behaviour
// documented for them (docs/republish.md, "Checked locally"):
//   Distributed Map N  ->  N: Task reading the items (S3 ListObjectsV2 or a JSON array object),
//                          batched as ItemBatcher does ({"Items": [...]})
//                      ->  N.map: inline Map over them, MaxConcurrency kept; every child ends in a
//                          Pass that marks it succeeded or (caught) failed
//                      ->  N.results: Task writing the ResultWriter files (manifest.json and
//                          SUCCEEDED_0.json / FAILED_0.json) and failing with
//                          States.ExceedToleratedFailureThreshold past ToleratedFailureCount;
//                          N's ResultPath, Catch and Next apply here.
//   Fail with CausePath "States.X(...)" -> a Pass computing the cause, then the Fail.
import type { ObjectStore } from '../../functions/store/types';
import type { AslDefinition } from './state-machine-definition';

type State = Record<string, any>;
type StateKind = 'itemReader' | 'resultWriter';


export interface LoweredDefinition {
  definition: AslDefinition;
  /** Lowered state name -> what its local handler emulates. */
  emulated: Record<string, StateKind>;
}

/** State names are unique in the whole machine: the marker states are named after their map. */
function lowerProcessor(processor: State, map: string): State {
  const CHILD_SUCCEEDED = `${map}.childSucceeded`;
  const CHILD_FAILED = `${map}.childFailed`;
  const states: Record<string, State> = {};
  for (const [name, state] of Object.entries(processor.States as Record<string, State>)) {
    const copy: State = { ...state };
    if (copy.Type === 'Task' || copy.Type === 'Parallel' || copy.Type === 'Map') {
      copy.Catch = [...(copy.Catch ?? []), { ErrorEquals: ['States.ALL'], ResultPath: '$.localMapError', Next: CHILD_FAILED }];
    }
    if (copy.End === true && copy.Type !== 'Succeed' && copy.Type !== 'Fail') {
      delete copy.End;
      copy.Next = CHILD_SUCCEEDED;
    }
    states[name] = copy;
  }
  states[CHILD_SUCCEEDED] = { Type: 'Pass', Parameters: { 'succeeded.$': '$' }, End: true };
  states[CHILD_FAILED] = { Type: 'Pass', Parameters: { 'failed.$': '$' }, End: true };
  return { StartAt: processor.StartAt, States: states, ProcessorConfig: { Mode: 'INLINE' } };
}

function lowerStates(states: Record<string, State>, emulated: Record<string, StateKind>): Record<string, State> {
  const out: Record<string, State> = {};
  for (const [name, state] of Object.entries(states)) {
    const transition = state.End === true ? { End: true } : { Next: state.Next };
    if (state.Type === 'Map' && state.ItemReader) {
      const { Catch, Retry } = state;
      const guarded = { ...(Catch && { Catch }), ...(Retry && { Retry }) };
      out[name] = {
        Type: 'Task',
        Resource: state.ItemReader.Resource,
        Parameters: {
          Arguments: state.ItemReader.Parameters,
          ...(state.ItemReader.ReaderConfig && { ReaderConfig: state.ItemReader.ReaderConfig }),
          ...(state.ItemBatcher && { MaxItemsPerBatch: state.ItemBatcher.MaxItemsPerBatch }),
        },
        ResultPath: '$.localMapItems',
        Next: `${name}.map`,
        ...guarded,
      };
      emulated[name] = 'itemReader';
      out[`${name}.map`] = {
        Type: 'Map',
        ItemsPath: '$.localMapItems',
        ...(state.ItemSelector && { ItemSelector: state.ItemSelector }),
        ...(state.MaxConcurrency !== undefined && { MaxConcurrency: state.MaxConcurrency }),
        ItemProcessor: lowerProcessor(state.ItemProcessor, name),
        ResultPath: '$.localMapResults',
        Next: `${name}.results`,
        ...guarded,
      };
      out[`${name}.results`] = {
        Type: 'Task',
        Resource: state.ResultWriter?.Resource ?? 'arn:aws:states:::s3:putObject',
        Parameters: {
          Arguments: state.ResultWriter?.Parameters ?? {},
          'Results.$': '$.localMapResults',
          ToleratedFailureCount: state.ToleratedFailureCount ?? 0,
        },
        ...(state.ResultPath !== undefined && { ResultPath: state.ResultPath }),
        ...(state.ResultSelector !== undefined && { ResultSelector: state.ResultSelector }),
        ...(state.OutputPath !== undefined && { OutputPath: state.OutputPath }),
        ...transition,
        ...guarded,
      };
      emulated[`${name}.results`] = 'resultWriter';
      continue;
    }
    if (state.Type === 'Fail' && typeof state.CausePath === 'string' && state.CausePath.startsWith('States.')) {
      out[name] = { Type: 'Pass', Parameters: { 'cause.$': state.CausePath }, Next: `${name}.fail` };
      const { CausePath: _intrinsic, ...fail } = state;
      out[`${name}.fail`] = { ...fail, CausePath: '$.cause' };
      continue;
    }
    out[name] = state;
  }
  return out;
}

export function lowerForLocalRun(definition: AslDefinition): LoweredDefinition {
  const emulated: Record<string, StateKind> = {};
  const { TimeoutSeconds: _timeout, ...rest } = definition;
  return { definition: { ...rest, States: lowerStates(definition.States, emulated) } as AslDefinition, emulated };
}

interface ReaderInput {
  Arguments: { Bucket: string; Key?: string; Prefix?: string };
  ReaderConfig?: { InputType?: string };
  MaxItemsPerBatch?: number;
}
interface WriterInput {
  Arguments: { Bucket: string; Prefix?: string };
  Results: ({ succeeded: unknown } | { failed: Record<string, unknown> & { localMapError: { Error: string; Cause: string } } })[];
  ToleratedFailureCount: number;
}

export class MapFailedError extends Error {
  constructor(message: string) {
    super(message);
    // The error name is what a Catch or Retry matches.
    this.name = 'States.ExceedToleratedFailureThreshold';
  }
}

/**
 * Handlers for the emulated states, over the local S3 server's buckets (by name). Items from a listing
 * are ListObjectsV2 `Contents` entries as the ItemReader gives them; result files follow the
 * documented ResultWriter layout (child Input and Output as JSON strings).
 */
export function emulatedStateHandlers(buckets: Record<string, ObjectStore>, execution: string) {
  const store = (bucket: string) => {
    const found = buckets[bucket];
    if (!found) throw new Error(`no local bucket ${bucket}`);
    return found;
  };
  let runs = 0;
  return {
    itemReader: async (input: ReaderInput): Promise<unknown[]> => {
      const { Bucket, Key, Prefix } = input.Arguments;
      let items: unknown[];
      if (Key !== undefined) {
        const found = await store(Bucket).get(Key);
        if (!found) throw Object.assign(new Error(`NoSuchKey ${Key}`), { name: 'States.ItemReaderFailed' });
        items = JSON.parse(Buffer.from(found.bytes).toString('utf8')) as unknown[];
      } else {
        const keys = (await store(Bucket).list(Prefix ?? '')).sort();
        items = await Promise.all(
          keys.map(async (k) => {
            const head = await store(Bucket).head(k);
            return { Key: k, Etag: head?.etag, Size: head?.size, LastModified: head?.lastModified, StorageClass: 'STANDARD' };
          }),
        );
      }
      const batch = input.MaxItemsPerBatch;
      if (!batch) return items;
      const batches: { Items: unknown[] }[] = [];
      for (let i = 0; i < items.length; i += batch) batches.push({ Items: items.slice(i, i + batch) });
      return batches;
    },
    resultWriter: async (input: WriterInput) => {
      const run = `${execution}-${++runs}`;
      const prefix = `${input.Arguments.Prefix ?? ''}/${run}/`;
      const succeeded = input.Results.flatMap((r) => ('succeeded' in r ? [{ Status: 'SUCCEEDED', Output: JSON.stringify(r.succeeded) }] : []));
      const failed = input.Results.flatMap((r) => {
        if (!('failed' in r)) return [];
        const { localMapError, ...childInput } = r.failed;
        return [{ Status: 'FAILED', Input: JSON.stringify(childInput), Error: localMapError.Error, Cause: localMapError.Cause }];
      });
      const target = store(input.Arguments.Bucket);
      const files: Record<string, { Key: string }[]> = { SUCCEEDED: [], FAILED: [], PENDING: [] };
      for (const [status, results] of [['SUCCEEDED', succeeded], ['FAILED', failed]] as const) {
        if (results.length === 0) continue;
        const key = `${prefix}${status}_0.json`;
        await target.put(key, JSON.stringify(results));
        files[status]?.push({ Key: key });
      }
      const manifestKey = `${prefix}manifest.json`;
      await target.put(manifestKey, JSON.stringify({ DestinationBucket: input.Arguments.Bucket, MapRunArn: run, ResultFiles: files }));
      if (failed.length > input.ToleratedFailureCount) {
        throw new MapFailedError(`The specified tolerated failure threshold was crossed: ${failed.length} of ${input.Results.length} failed (${failed[0]?.Error}: ${failed[0]?.Cause})`);
      }
      return { MapRunArn: run, ResultWriterDetails: { Bucket: input.Arguments.Bucket, Key: manifestKey } };
    },
  };
}
