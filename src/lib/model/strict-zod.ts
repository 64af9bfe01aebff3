/**
 * zod, with `object` made strict: the content model (`schema.ts`) imports zod from here
 * (`import * as z from './strict-zod.ts'`), so every `z.object({...})` in it rejects a field
 * it does not define, including objects and fields added later. Hand edits are checked: a
 * misspelled or misplaced key (`file:` under an agenda item instead of an attachment) fails
 * the build naming the file and the field path, instead of zod dropping it silently (its
 * default, https://zod.dev/api#objects). `test/site/content-errors.test.ts` checks that every
 * object of the model is strict.
 */
import leven from 'leven';
import * as zod from 'zod';

export * from 'zod';

/**
 * The known field closest to `field`, when it is a likely misspelling: at most one edit for
 * names up to 4 letters, two for longer ones (Levenshtein distance, `leven`).
 * @example closestField('titel', ['number', 'title']) // => 'title'
 */
export function closestField(field: string, known: readonly string[]): string | undefined {
  const allowed = field.length <= 4 ? 1 : 2;
  let best: { name: string; distance: number } | undefined;
  for (const name of known) {
    const distance = leven(field.toLowerCase(), name.toLowerCase());
    if (distance <= allowed && (best === undefined || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/**
 * The message of an unknown field: what to do, with the closest known field or the list of
 * known ones. The path (`agenda[1].file`) is added by `describeIssues` (`content-file.ts`).
 * @example unknownFieldMessage('file', ['number', 'title']) // => 'unknown field. Fix: remove it, or use one of the fields here: number, title.'
 */
export function unknownFieldMessage(field: string, known: readonly string[]): string {
  const closest = closestField(field, known);
  if (closest !== undefined) return `unknown field. Fix: did you mean "${closest}"? (src/lib/model/schema.ts lists every field)`;
  return `unknown field. Fix: remove it, or use one of the fields here: ${known.join(', ')}.`;
}

/**
 * `z.object`, strict: an input key the shape does not define is an issue
 * (`unrecognized_keys`) with `unknownFieldMessage` (one line per field); every other issue keeps its message.
 * @example object({ title: string() }).safeParse({ titel: 'x' }).error?.issues[0].message // => 'unknown field. Fix: did you mean "title"? …'
 */
export function object<T extends zod.core.$ZodLooseShape>(shape: T, params?: zod.core.$ZodObjectParams) {
  return zod.strictObject(shape, {
    ...params,
    error: (issue) => {
      if (issue.code !== 'unrecognized_keys') return undefined;
      const known = Object.keys(shape);
      // Several unknown fields: one `field: message` line each, which `describeIssues` places on its own path.
      return issue.keys.length === 1 ? unknownFieldMessage(issue.keys[0], known) : issue.keys.map((key) => `${key}: ${unknownFieldMessage(key, known)}`).join('\n');
    },
  });
}
