import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseSiteConfig, siteConfigFromText } from '../../functions/core/site';

describe('parseSiteConfig', () => {
  it('accepts content/site.json and strips a trailing slash from baseUrl', () => {
    const raw = JSON.parse(readFileSync('content/site.json', 'utf8'));
    const result = parseSiteConfig({ ...raw, baseUrl: 'https://news.example.com/' });
    expect(result.ok && result.value.baseUrl).toBe('https://news.example.com');
    expect(result.ok && result.value.feedSize).toBe(50);
  });

  it.each([
    [null, 'must be a JSON object'],
    [{ title: '' }, '"title" must be a non-empty string'],
    [{ baseUrl: 'not a url' }, '"baseUrl" is not an absolute URL'],
    [{ baseUrl: 'ftp://x.example' }, '"baseUrl" must be http(s)'],
    [{ feedSize: 0 }, '"feedSize" must be an integer'],
    [{ itemContentBytes: 100 }, '"itemContentBytes" must be an integer of at least 4096'],
    [{ headFeedBytes: '2MB' }, '"headFeedBytes" must be an integer of at least 4096'],
    [{ repairFusedWords: 'yes' }, '"repairFusedWords" must be true or false'],
    [{ creditStyle: { format: 'plain' } }, '"creditStyle.format" must be a template'],
    [{ websubHub: 'nope' }, '"websubHub" is not an absolute URL'],
  ])('rejects %j with a reason naming the field', (input, reason) => {
    const result = parseSiteConfig(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain(reason);
  });
});

describe('siteConfigFromText (the one site.json loader)', () => {
  it('parses the text, lays the overrides over it and validates the result', () => {
    const result = siteConfigFromText('{"title": "Daily", "baseUrl": "https://old.example/", "feedSize": 5}', 'site.json', { baseUrl: 'https://news.example.com' });
    expect(result.ok && [result.value.title, result.value.baseUrl, result.value.feedSize]).toEqual(['Daily', 'https://news.example.com', 5]);
  });

  it.each([
    ['{"title":', /^x\/site\.json is not valid JSON: /],
    ['[1]', /^x\/site\.json: site config must be a JSON object$/],
    ['"text"', /^x\/site\.json: site config must be a JSON object$/],
    ['{"feedSize": 0}', /^x\/site\.json: site config: "feedSize" must be an integer/],
  ])('names its source in every error: %s', (text, reason) => {
    const result = siteConfigFromText(text, 'x/site.json');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(reason);
  });

  it('an override cannot smuggle in an invalid value', () => {
    expect(siteConfigFromText('{}', 'site.json', { baseUrl: 'ftp://x.example' }).ok).toBe(false);
  });
});
