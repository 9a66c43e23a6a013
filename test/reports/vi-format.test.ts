import { describe, expect, it } from 'vitest';
import { shortCommuneName, shortDistrictName } from '../../src/messages/unit-label-messages.js';
import {
  addDays,
  daysBetween,
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatNumber,
  formatPercent,
  formatPointChange,
  formatSignedNumber,
  formatTimeDayMonth,
} from '../../src/messages/vi-format.js';

describe('Vietnamese number formats', () => {
  it('groups thousands with dots and uses a decimal comma', () => {
    expect(formatNumber(1540)).toBe('1.540');
    expect(formatNumber(203_600)).toBe('203.600');
    expect(formatNumber(1_234_567.891, 2)).toBe('1.234.567,89');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-1540)).toBe('-1.540');
    expect(formatNumber(-0.04, 1)).toBe('0,0');
  });

  it('writes percentages with one decimal', () => {
    expect(formatPercent(0.624)).toBe('62,4%');
    expect(formatPercent(1)).toBe('100,0%');
    expect(formatPercent(0)).toBe('0,0%');
  });

  it('signs changes', () => {
    expect(formatSignedNumber(56)).toBe('+56');
    expect(formatSignedNumber(-3)).toBe('-3');
    expect(formatSignedNumber(0)).toBe('0');
    expect(formatPointChange(0.031)).toBe('+3,1');
  });
});

describe('dates in the campaign time zone', () => {
  it('formats calendar dates', () => {
    expect(formatDate('2025-03-10')).toBe('10/03/2025');
    expect(formatDayMonth('2025-03-01')).toBe('01/03');
    expect(() => formatDate('10/03/2025')).toThrow(RangeError);
  });

  it('shows instants as Vietnam wall-clock time, whatever the server zone', () => {
    const fivePmInHanoi = new Date('2025-03-10T10:00:00Z');
    expect(formatDateTime(fivePmInHanoi, 'Asia/Ho_Chi_Minh')).toBe('17:00 10/03/2025');
    expect(formatTimeDayMonth(new Date('2025-03-10T17:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('00:30 11/03');
  });

  it('does calendar arithmetic', () => {
    expect(daysBetween('2025-03-01', '2025-03-20')).toBe(19);
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
  });
});

describe('unit names on charts', () => {
  it('abbreviates the administrative type of districts', () => {
    // One abbreviation per type: 'Quảng Trị' alone would read as the province.
    expect(shortDistrictName('Thành phố Đông Hà')).toBe('TP Đông Hà');
    expect(shortDistrictName('Huyện Vĩnh Linh')).toBe('H. Vĩnh Linh');
    expect(shortDistrictName('Thị xã Quảng Trị')).toBe('TX Quảng Trị');
    expect(shortDistrictName('Huyện đảo Cồn Cỏ')).toBe('H. Cồn Cỏ');
  });

  it('shortens communes but keeps wards whole, and normalises to NFC', () => {
    expect(shortCommuneName('Xã Vĩnh Thái')).toBe('Vĩnh Thái');
    expect(shortCommuneName('Thị trấn Hồ Xá')).toBe('TT Hồ Xá');
    expect(shortCommuneName('Phường 1')).toBe('Phường 1');
    expect(shortCommuneName('Xã Triệu Độ'.normalize('NFD'))).toBe('Triệu Độ'.normalize('NFC'));
  });
});
