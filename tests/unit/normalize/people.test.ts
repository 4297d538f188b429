import { describe, expect, it } from 'vitest';
import { splitAuthors, splitTags } from '../../../functions/core/normalize/rules/people';

describe('splitAuthors', () => {
  it.each([
    ['Jane Roe', ['Jane Roe']],
    ['Jane Roe and John Doe', ['Jane Roe', 'John Doe']],
    ['Jane Roe, John Doe and Ana Lima', ['Jane Roe', 'John Doe', 'Ana Lima']],
    ['By Jane Roe & John Doe', ['Jane Roe', 'John Doe']],
    ['by  Jane   Roe ', ['Jane Roe']],
    [['Jane Roe', 'John Doe'], ['Jane Roe', 'John Doe']],
    [['Jane Roe', 'jane roe'], ['Jane Roe']],
    ['Alexandra Sandoval', ['Alexandra Sandoval']], // "and" inside a name is not a separator
    ['', []],
    [undefined, []],
    [{ name: 'x' }, []],
  ])('%j -> %j', (input, expected) => expect(splitAuthors(input)).toEqual(expected));
});

describe('splitTags', () => {
  it.each([
    ['politics, Middle East ,  israel', ['politics', 'Middle East', 'israel']],
    [['Politics', 'politics', ' POLITICS ', 'Gaza'], ['Politics', 'Gaza']],
    [['a, b', 'c'], ['a', 'b', 'c']],
    ['#climate, drought', ['climate', 'drought']],
    [',,', []],
    [2024, ['2024']],
    [undefined, []],
  ])('%j -> %j', (input, expected) => expect(splitTags(input)).toEqual(expected));
});
