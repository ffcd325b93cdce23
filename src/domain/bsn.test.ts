import { describe, expect, it } from 'vitest';
import { BSN_MASK, containsBsn, isBsn, maskBsn } from './bsn.js';

// Fictional test numbers that pass the elfproef (111222333, 123456782) and near misses that do not.
describe('BSN detector (R-43)', () => {
  it.each([
    ['111222333', true],
    ['123456782', true],
    ['123456789', false],
    ['000000000', false],
    ['12345678', false],
    ['1234567820', false],
  ])('R-43: elfproef of %s is %s', (digits, expected) => {
    expect(isBsn(digits)).toBe(expected);
  });

  it.each([
    ['111222333', true],
    ['BSN: 123456782', true],
    ['123.456.782', true],
    ['1234 56 782', true],
    ['123-45-67-82', true],
    ['Kerkstraat 12, bsn 111222333.', true],
    // not candidates: phone numbers, longer digit runs, E.164, postcodes, dates, IBAN
    ['06-12345678', false],
    ['+31 6 12345678', false],
    ['+111222333', false],
    ['0111222333', false],
    ['1112223330', false],
    ['1234 AB', false],
    ['20240301', false],
    ['NL91ABNA0417164300', false],
    ['123456789', false],
    ['', false],
  ])('R-43: "%s" contains a BSN: %s', (text, expected) => {
    expect(containsBsn(text)).toBe(expected);
  });

  it('R-43: a grouped phone number is not read as a BSN in groups', () => {
    // 06 111 222 333 is ten digits in groups; its tail 111 222 333 passes the elfproef on its own.
    expect(containsBsn('06 111 222 333')).toBe(false);
  });

  it('R-43: masking replaces every BSN and keeps the rest of the text', () => {
    expect(maskBsn('bsn 111222333 en 123.456.782, tel 0612345678')).toBe(
      `bsn ${BSN_MASK} en ${BSN_MASK}, tel 0612345678`,
    );
    expect(maskBsn('geen nummer')).toBe('geen nummer');
  });
});
