import { expect } from '@esm-bundle/chai';
import {
  formatBytes,
  formatFixed,
  formatInteger,
  formatMegabytes,
  formatPercent,
  formatValue,
  MISSING,
  numberFormat,
} from '../../src/components/shared/format.js';

const bad = [NaN, Infinity, -Infinity, null, undefined];

describe('format.ts', () => {
  it('formats integers with grouping, rounding', () => {
    expect(formatInteger(61100840)).to.equal('61,100,840');
    expect(formatInteger(2.5)).to.equal('3');
    expect(formatInteger(0)).to.equal('0');
    expect(formatInteger(-0)).to.equal('0');
  });

  it('formats percentages as the elements always did (one decimal by default)', () => {
    expect(formatPercent(0.8)).to.equal('80.0%');
    expect(formatPercent(16 / 20)).to.equal(`${((16 / 20) * 100).toFixed(1)}%`);
    expect(formatPercent(0.98765, 2)).to.equal('98.77%');
    expect(formatPercent(1)).to.equal('100.0%');
  });

  it('formats fixed decimals like toFixed, grouped, and never "-0"', () => {
    expect(formatFixed(5 / 6, 2)).to.equal((5 / 6).toFixed(2));
    expect(formatFixed(0.1, 2)).to.equal('0.10');
    expect(formatFixed(1234.5, 2)).to.equal('1,234.50');
    expect(formatFixed(-0.001, 2)).to.equal('0.00');
    expect(formatFixed(-0, 1)).to.equal('0.0');
  });

  it('formats megabytes (without unit) and byte counts (with one)', () => {
    expect(formatMegabytes(11_300_000)).to.equal('11.3');
    expect(formatBytes(163_000)).to.equal('163 KB');
    expect(formatBytes(11_300_000)).to.equal('11.3 MB');
    expect(formatBytes(512)).to.equal('512 B');
  });

  it('never prints NaN or Infinity: a dash instead', () => {
    for (const v of bad) {
      expect(formatInteger(v), String(v)).to.equal(MISSING);
      expect(formatPercent(v), String(v)).to.equal(MISSING);
      expect(formatFixed(v, 2), String(v)).to.equal(MISSING);
      expect(formatMegabytes(v), String(v)).to.equal(MISSING);
      expect(formatBytes(v), String(v)).to.equal(MISSING);
    }
  });

  it('follows a locale when given one, caches formatters, survives a malformed tag', () => {
    expect(formatFixed(1234.5, 1, 'de-DE')).to.equal('1.234,5');
    expect(numberFormat({ style: 'percent' }, 'fr-FR')).to.equal(numberFormat({ style: 'percent' }, 'fr-FR'));
    expect(formatInteger(1000, 'en_US')).to.equal('1,000');
  });

  // Moved here from test/engine/conv-steps.test.ts with formatValue itself (display formatting, not engine).
  it('formats cells with a true minus, at most 2 decimals, and never NaN', () => {
    expect(formatValue(-3)).to.equal('−3');
    expect(formatValue(2.345678)).to.equal('2.35');
    expect(formatValue(-0.001)).to.equal('0');
    expect(formatValue(12345)).to.equal('12345');
    expect(formatValue(NaN)).to.equal('–');
    expect(formatValue(Infinity)).to.equal('–');
  });
});
