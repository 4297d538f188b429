import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isRfc3339Date, isRfc822Date } from '../../../functions/core/validate/dates';

describe('isRfc822Date', () => {
  it.each([
    ['Thu, 31 Oct 2024 00:00:00 GMT', true],
    ['31 Oct 2024 00:00:00 GMT', true], // weekday is optional
    ['Thu, 31 Oct 2024 00:00 GMT', true], // seconds are optional
    ['Thu, 31 Oct 2024 02:00:00 +0200', true],
    ['Thu, 31 Oct 2024 00:00:00 EST', true],
    ['Thu, 1 Feb 2024 00:00:00 GMT', true],
    ['Sat, 29 Feb 2020 23:59:60 GMT', true], // leap day and leap second
    ['Fri, 31 Oct 2024 00:00:00 GMT', false], // 31 Oct 2024 is a Thursday
    ['Tue, 31 Sep 2024 00:00:00 GMT', false], // no 31 September
    ['Thu, 29 Feb 2024 24:00:00 GMT', false],
    ['Thu, 31 Oct 2024 00:00:00', false], // zone is required
    ['Thu, 31 October 2024 00:00:00 GMT', false],
    ['Thu,31 Oct 2024 00:00:00 GMT', false],
    ['2024-10-31T00:00:00Z', false],
    ['', false],
  ])('%s -> %s', (value, expected) => {
    expect(isRfc822Date(value)).toBe(expected);
  });

  it('accepts every date as Date#toUTCString writes it', () => {
    const dates = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(fc.property(dates, (d) => isRfc822Date(d.toUTCString())));
  });
});

describe('isRfc3339Date', () => {
  it.each([
    ['2024-10-31T00:00:00Z', true],
    ['2024-10-31T00:00:00.123Z', true],
    ['2024-10-31T02:00:00+02:00', true],
    ['2024-10-31t00:00:00z', true], // RFC 3339 allows lower case
    ['2024-10-31', false],
    ['2024-10-31T00:00Z', false],
    ['2024-10-31 00:00:00Z', false],
    ['2024-10-31T00:00:00', false], // offset is required
    ['2024-02-30T00:00:00Z', false],
    ['2024-13-01T00:00:00Z', false],
    ['2024-10-31T00:00:00+2:00', false],
    ['Thu, 31 Oct 2024 00:00:00 GMT', false],
  ])('%s -> %s', (value, expected) => {
    expect(isRfc3339Date(value)).toBe(expected);
  });

  it('accepts every date as Date#toISOString writes it', () => {
    const dates = fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });
    fc.assert(fc.property(dates, (d) => isRfc3339Date(d.toISOString())));
  });
});
