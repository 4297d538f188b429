import { describe, expect, it } from 'vitest';
import { AGENCY_NAMES, canonicalAgency } from '../../../functions/core/credits/agencies';

describe('canonicalAgency', () => {
  it.each([
    ['REUTERS', 'Reuters'],
    ['Reuters', 'Reuters'],
    ['AP', 'AP'],
    ['AP Photo', 'AP'],
    ['AP PHOTO', 'AP'],
    ['Associated Press', 'AP'],
    ['The Associated Press', 'AP'],
    ['AFP', 'AFP'],
    ['AFP Photo', 'AFP'],
    ['Agence France-Presse', 'AFP'],
    ['Getty Images', 'Getty Images'],
    ['Getty', 'Getty Images'],
    ['NurPhoto', 'NurPhoto'],
    ['NURPHOTO', 'NurPhoto'],
    ['EPA', 'EPA-EFE'],
    ['EPA-EFE', 'EPA-EFE'],
    ['EFE', 'EFE'],
    ['Bloomberg', 'Bloomberg'],
    ['Sipa USA', 'Sipa USA'],
    ['Anadolu', 'Anadolu'],
    ['Anadolu Agency', 'Anadolu'],
    ['XINHUA', 'Xinhua'],
    ['ZUMA Press', 'ZUMA Press'],
    ['ZUMA Wire', 'ZUMA Wire'],
    ['Alamy', 'Alamy'],
    ['Shutterstock', 'Shutterstock'],
    ['REX/Shutterstock', 'Shutterstock'],
    ['REX / Shutterstock', 'Shutterstock'],
    ['SOPA Images', 'SOPA Images'],
    ['DPA', 'dpa'],
    ['Kyodo', 'Kyodo'],
    ['Kyodo News', 'Kyodo'],
    ['Yonhap', 'Yonhap'],
    ['  reuters  ', 'Reuters'],
  ])('%j -> %j', (spelling, canonical) => {
    expect(canonicalAgency(spelling)).toBe(canonical);
  });

  it.each([['Pool'], ['Handout'], ['Maher Abou Taleb'], ['Reuters reported'], ['APE'], [''], ['Photo']])('%j is not an agency', (text) => {
    expect(canonicalAgency(text)).toBeUndefined();
  });

  it('maps every canonical name to itself', () => {
    for (const name of AGENCY_NAMES) expect(canonicalAgency(name)).toBe(name);
  });
});
