import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCampaignJson } from '../../src/config/campaign-folder.js';
import type { MetricCode } from '../../src/domain/campaign-file.js';
import { describeFilledIn, describeRuleProblem } from '../../src/messages/report-problem-messages.js';
import { checkReport, type ReportCheckInput } from '../../src/domain/report-rules.js';

const CAMPAIGN_JSON = join(import.meta.dirname, '..', '..', 'campaigns', 'quang-tri-2025', 'campaign.json');
const metrics = parseCampaignJson(readFileSync(CAMPAIGN_JSON, 'utf8'), 'campaign.json').metrics;

const PREVIOUS = { books: 20, scanned: 1500, entered: 1300, attached: 1000 };
const TARGET = { books: 24, cases: 2400 };
const check = (figures: ReportCheckInput['figures'], more: Partial<ReportCheckInput> = {}) =>
  checkReport({ figures, previous: PREVIOUS, target: TARGET, ...more });
const codes = (problems: { code: string; metric: MetricCode }[]) =>
  problems.map((p) => `${p.code}:${p.metric}`);

describe('checkReport: filling in figures not sent', () => {
  it('accepts a full report within every limit', () => {
    expect(check({ books: 21, scanned: 1540, entered: 1320, attached: 1100 })).toEqual({
      status: 'ok',
      final: { books: 21, scanned: 1540, entered: 1320, attached: 1100 },
      carried: [],
      zeroed: [],
      errors: [],
      warnings: [],
    });
  });

  it('keeps the previous value of a figure not sent, and says which', () => {
    const result = check({ scanned: 1600 });
    expect(result).toMatchObject({
      status: 'ok',
      final: { ...PREVIOUS, scanned: 1600 },
      carried: ['books', 'entered', 'attached'],
      zeroed: [],
    });
    expect(describeFilledIn(result, metrics)).toBe(
      'Giữ nguyên theo lần báo cáo trước: sổ 20, nhập 1.300 và đính kèm 1.000.',
    );
  });

  it('counts a figure not sent as 0 before the first report, and says so', () => {
    const result = check({ books: 5 }, { previous: null });
    expect(result).toMatchObject({
      status: 'ok',
      final: { books: 5, scanned: 0, entered: 0, attached: 0 },
      carried: [],
      zeroed: ['scanned', 'entered', 'attached'],
    });
    expect(describeFilledIn(result, metrics)).toBe(
      'Chưa có báo cáo trước nên các mục không ghi được tính là 0: quét, nhập và đính kèm.',
    );
  });

  it('has nothing to say when every figure was sent', () => {
    expect(describeFilledIn(check({ books: 21, scanned: 1, entered: 1, attached: 1 }), metrics)).toBeNull();
  });
});

describe('checkReport: pipeline order', () => {
  it('allows attached equal to entered and to scanned', () => {
    expect(check({ scanned: 1500, entered: 1500, attached: 1500 })).toMatchObject({
      status: 'ok',
      errors: [],
    });
  });

  it('rejects attached above entered by one', () => {
    const result = check({ scanned: 1500, entered: 1300, attached: 1301 });
    expect(result.status).toBe('rejected');
    expect(result.errors).toEqual([
      {
        code: 'exceeds_earlier_step',
        metric: 'attached',
        value: 1301,
        limitMetric: 'entered',
        limit: 1300,
        limitSource: 'reported',
      },
    ]);
  });

  it('rejects attached above scanned by one', () => {
    const result = check({ scanned: 1400, entered: 1500, attached: 1401 });
    expect(codes(result.errors)).toEqual(['exceeds_earlier_step:attached']);
    expect(result.errors[0]).toMatchObject({ limitMetric: 'scanned', limit: 1400 });
  });

  it('names both limits when attached is above both', () => {
    const result = check({ scanned: 1000, entered: 1000, attached: 1100 });
    expect(result.errors.map((e) => describeRuleProblem(e, metrics))).toEqual([
      'Số đính kèm (1.100) không thể lớn hơn số nhập (1.000): mỗi hồ sơ phải được quét và nhập trước khi đính kèm tệp.',
      'Số đính kèm (1.100) không thể lớn hơn số quét (1.000): mỗi hồ sơ phải được quét và nhập trước khi đính kèm tệp.',
    ]);
  });

  it('checks a new figure against a carried one, and says it was carried', () => {
    const result = check({ attached: 1301 });
    expect(result.errors[0]).toMatchObject({ limitMetric: 'entered', limit: 1300, limitSource: 'carried' });
    expect(describeRuleProblem(result.errors[0]!, metrics)).toContain(
      'số nhập (1.300, theo lần báo cáo trước)',
    );
  });

  it('checks against 0 before the first report', () => {
    const result = check({ attached: 10 }, { previous: null });
    expect(result.status).toBe('rejected');
    expect(result.errors).toMatchObject([{ limitSource: 'zero' }, { limitSource: 'zero' }]);
    expect(describeRuleProblem(result.errors[0]!, metrics)).toContain('số nhập (0, chưa báo cáo)');
  });

  it('does not order entered against scanned: they are independent steps', () => {
    expect(check({ scanned: 1500, entered: 1600 }).errors).toEqual([]);
  });

  it('rejects on errors even when there are warnings too, and keeps both', () => {
    const result = check({ books: 19, attached: 1400 });
    expect(result.status).toBe('rejected');
    expect(codes(result.warnings)).toEqual(['decreased:books']);
  });
});

describe('checkReport: targets', () => {
  it('accepts books equal to the target and questions one more', () => {
    expect(check({ books: 24 }).status).toBe('ok');
    const result = check({ books: 25 });
    expect(result.status).toBe('needs_confirmation');
    expect(result.warnings).toEqual([
      { code: 'above_target', metric: 'books', value: 25, target: 'books', limit: 24 },
    ]);
    expect(describeRuleProblem(result.warnings[0]!, metrics)).toBe(
      'Số sổ (25) vượt số sổ dự kiến của xã (24). Số dự kiến chỉ là ước tính — xác nhận số này là đúng?',
    );
  });

  it.each<MetricCode>(['scanned', 'entered', 'attached'])(
    'accepts %s equal to the cases, questions one more',
    (m) => {
      const atTarget = { scanned: 2400, entered: 2400, attached: 2400 };
      expect(check(atTarget).status).toBe('ok');
      const result = check({ ...atTarget, [m]: 2401 }, { previous: { ...PREVIOUS, attached: 0 } });
      const over = result.warnings.filter((w) => w.code === 'above_target');
      expect(over).toEqual([{ code: 'above_target', metric: m, value: 2401, target: 'cases', limit: 2400 }]);
    },
  );

  it('words the cases warning with the Vietnamese numbers', () => {
    const result = check({ scanned: 210_000 }, { target: { books: 2088, cases: 203_600 } });
    expect(describeRuleProblem(result.warnings[0]!, metrics)).toBe(
      'Số quét (210.000) vượt tổng số hồ sơ dự kiến của xã (203.600). Xác nhận số này là đúng?',
    );
  });

  it('gives no target warnings without a target', () => {
    expect(
      check({ books: 9999, scanned: 99_999, entered: 99_999, attached: 99_999 }, { target: null }),
    ).toMatchObject({
      status: 'ok',
      warnings: [],
    });
  });

  it('does not question again a carried figure above the target', () => {
    expect(check({ scanned: 1600 }, { previous: { ...PREVIOUS, books: 30 } }).status).toBe('ok');
  });
});

describe('checkReport: decreases', () => {
  it('accepts a figure equal to the previous one', () => {
    expect(check({ ...PREVIOUS }).status).toBe('ok');
  });

  it.each<MetricCode>(['books', 'scanned', 'entered', 'attached'])(
    'questions %s one below the previous',
    (m) => {
      const result = check({ ...PREVIOUS, [m]: PREVIOUS[m] - 1 });
      expect(result.status).toBe('needs_confirmation');
      expect(result.warnings).toEqual([
        { code: 'decreased', metric: m, value: PREVIOUS[m] - 1, previous: PREVIOUS[m] },
      ]);
    },
  );

  it('asks whether a decrease is a correction', () => {
    const result = check({ scanned: 1450 });
    expect(describeRuleProblem(result.warnings[0]!, metrics)).toBe(
      'Số quét giảm so với lần báo cáo trước: 1.500 → 1.450. Xác nhận đây là chỉnh sửa?',
    );
  });

  it('cannot decrease without a previous report', () => {
    expect(check({ books: 1, scanned: 1, entered: 1, attached: 1 }, { previous: null }).status).toBe('ok');
  });

  it('lists a decrease and a target excess together', () => {
    const result = check({ books: 30, scanned: 1400 });
    expect(codes(result.warnings)).toEqual(['above_target:books', 'decreased:scanned']);
  });
});
