import { describe, expect, it } from 'vitest';
import { commandFromWords, textToChatInput } from '../../src/channels/command-words.js';
import { readChoiceNumber } from '../../src/bot/features/numbered-choice.feature.js';

describe('commands in words', () => {
  it.each([
    ['báo cáo số 12 scan 1540', 'baocao', 'số 12 scan 1540'],
    ['Báo cáo: số 12', 'baocao', 'số 12'],
    ['bao cao 12 1800 1500 1400', 'baocao', '12 1800 1500 1400'],
    ['baocao so 12', 'baocao', 'so 12'],
    ['BÁO CÁO', 'baocao', ''],
    ['báo cáo ngày', 'baocaongay', ''],
    ['Tiến độ', 'tiendo', ''],
    ['tiến độ?', 'tiendo', ''],
    ['TIEN DO', 'tiendo', ''],
    ['xếp hạng', 'xephang', ''],
    ['Trợ giúp', 'trogiup', ''],
    ['hướng dẫn', 'trogiup', ''],
    ['chưa báo cáo', 'chuabaocao', ''],
    ['Bắt đầu K7QPM-X3RTA', 'start', 'K7QPM-X3RTA'],
    ['start K7QPM-X3RTA', 'start', 'K7QPM-X3RTA'],
    ['liên kết 4821', 'lienket', '4821'],
    ['nhận báo cáo zalo', 'nhanbaocao', 'zalo'],
    ['nhắc nhở chưa báo cáo: nộp trước 16 giờ', 'nhacnho', 'chưa báo cáo: nộp trước 16 giờ'],
    ['báo cáo ngày 12/03', 'baocaongay', '12/03'],
    ['Báo cáo ngày: 12.03.2025.', 'baocaongay', '12.03.2025'],
    ['bao cao ngay 32/13', 'baocaongay', '32/13'],
    ['biểu đồ 12/03', 'bieudo', '12/03'],
    ['Biểu đồ ngày 12/03', 'bieudo', 'ngày 12/03'],
    ['xuất excel 12/03', 'xuatexcel', '12/03'],
    ['xuat excel', 'xuatexcel', ''],
    // A date with figures after it is a report (a coordinator's for an earlier day).
    ['báo cáo ngày 05/03 xã 19333 sổ 12', 'baocao', 'ngày 05/03 xã 19333 sổ 12'],
    ['báo cáo 12/03', 'baocao', '12/03'],
    ['tệp mẫu', 'mau', ''],
    ['Mẫu', 'mau', ''],
    ['mẫu 12', 'mau', '12'],
    ['tệp mẫu số 12', 'mau', '12'],
    ['mau #12', 'mau', '#12'],
    ['trang web', 'web', ''],
    ['Trang web thu hồi', 'web', 'thu hồi'],
    ['web thuhoi', 'web', 'thuhoi'],
  ])('%s → %s', (text, command, args) => {
    expect(commandFromWords(text)).toEqual({ command, args });
  });

  it('reads decomposed (NFD) Vietnamese like composed text', () => {
    expect(commandFromWords('Tiến độ'.normalize('NFD'))).toEqual({ command: 'tiendo', args: '' });
  });

  it.each([
    'tiến độ chậm quá',
    'hôm nay báo cáo sau',
    'báo, cáo 12',
    'xếp hạng xã tôi thế nào',
    'cảm ơn',
    '',
    '12 1800 1500 1400',
    'biểu đồ hôm nay đẹp',
    'xuất excel giúp tôi',
    'mẫu này sai tên',
    'tệp mẫu 12 bị lỗi',
    'trang web chậm quá',
    'web không mở được',
  ])('leaves %j as text', (text) => {
    expect(commandFromWords(text)).toBeUndefined();
  });
});

describe('text to a neutral input', () => {
  it('reads slash commands in any case, with or without diacritics and spaces', () => {
    expect(textToChatInput('/Baocao so 12')).toMatchObject({
      kind: 'command',
      command: 'baocao',
      args: 'so 12',
    });
    expect(textToChatInput('/báo cáo số 12')).toMatchObject({ command: 'baocao', args: 'số 12' });
    expect(textToChatInput('/tiendo')).toMatchObject({ command: 'tiendo', args: '' });
    expect(textToChatInput('/start ABC')).toMatchObject({ command: 'start', args: 'ABC' });
  });

  it('keeps the text of a word command and leaves other text as text', () => {
    expect(textToChatInput('Xếp hạng')).toEqual({
      kind: 'command',
      command: 'xephang',
      args: '',
      text: 'Xếp hạng',
    });
    expect(textToChatInput('Chào anh')).toEqual({ kind: 'text', text: 'Chào anh' });
    expect(textToChatInput('/ ')).toEqual({ kind: 'text', text: '/ ' });
  });
});

describe('a reply that is a choice number', () => {
  it.each([
    ['1', 1],
    [' 2 ', 2],
    ['số 3', 3],
    ['So 3', 3],
    ['#2', 2],
    ['3.', 3],
  ])('%j → %d', (text, n) => expect(readChoiceNumber(text)).toBe(n));

  it.each(['12 1800', 'một', '1 2', 'số', '123'])('%j is not one', (text) => {
    expect(readChoiceNumber(text)).toBeUndefined();
  });
});
