import { describe, expect, it } from 'vitest';
import { rfc3339 } from '../../../functions/core/instant';
import { parseDate } from '../../../functions/core/normalize/rules/dates';

describe('rfc3339', () => {
  it.each([
    [new Date(Date.UTC(2024, 9, 31, 9, 0, 0, 250)), '2024-10-31T09:00:00Z'],
    [new Date(Date.UTC(2026, 0, 1)), '2026-01-01T00:00:00Z'],
  ])('%s -> %s', (date, expected) => expect(rfc3339(date)).toBe(expected));
});

describe('parseDate', () => {
  it.each([
    ['2024-10-31', '2024-10-31T00:00:00Z'],
    [' 2024-10-31 ', '2024-10-31T00:00:00Z'],
    ['2024-10-31T09:00:00Z', '2024-10-31T09:00:00Z'],
    ['2024-10-31T09:00:00.789Z', '2024-10-31T09:00:00Z'],
    ['2024-10-31T11:00:00+02:00', '2024-10-31T09:00:00Z'],
    ['2024-10-31T04:00:00-0500', '2024-10-31T09:00:00Z'],
    ['2024-10-31 09:00', '2024-10-31T09:00:00Z'], // no zone: UTC, never the machine's local time
    ['2024-10-31T09:00:00', '2024-10-31T09:00:00Z'],
    ['Thu, 31 Oct 2024 09:00:00 +0000', '2024-10-31T09:00:00Z'],
    ['Thu, 31 Oct 2024 10:00:00 +0100', '2024-10-31T09:00:00Z'],
    ['31 Oct 2024 09:00:00 GMT', '2024-10-31T09:00:00Z'],
    ['October 31, 2024', '2024-10-31T00:00:00Z'],
    ['31 October 2024', '2024-10-31T00:00:00Z'],
    [new Date(Date.UTC(2024, 9, 31, 9)), '2024-10-31T09:00:00Z'],
  ])('%j -> %s', (input, expected) => expect(parseDate(input)).toBe(expected));

  it.each([
    ['', undefined], ['tomorrow', undefined], ['1', undefined], ['2024', undefined], ['2024-02-31', undefined],
    ['2024-13-01', undefined], ['31/10/2024', undefined], ['0099-01-01', undefined], [42, undefined], [null, undefined],
    [new Date(Number.NaN), undefined],
  ])('not a date: %j', (input, expected) => expect(parseDate(input)).toBe(expected));
});
