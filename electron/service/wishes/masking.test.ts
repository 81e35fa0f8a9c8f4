import { describe, expect, it } from 'vitest';
import { idCheckDigitValid, maskPersonalData } from './masking';

describe('maskPersonalData', () => {
  it.each([
    ['a mobile number in running text', '有事打13812345678谢谢', '有事打138****5678谢谢'],
    ['spaces between groups', '电话 138 1234 5678 找我', '电话 138****5678 找我'],
    ['dashes and +86', '+86-139-0000-1111', '139****1111'],
    ['full-width digits', '１３８１２３４５６７８', '138****5678'],
    ['full-width digits with ideographic spaces', '１３８\u3000１２３４\u3000５６７８', '138****5678'],
    ['two numbers', '13812345678或15900001111', '138****5678或159****1111'],
    ['a valid ID number (check digit X)', '身份证11010519491231002X丢了', '身份证110*************2X丢了'],
    ['a valid ID number with spaces', '110105 19491231 002X', '110*************2X'],
    ['a licence plate', '京A12345的车挡路', '京A****5的车挡路'],
    ['a new-energy plate with a dot', '粤B·D12345', '粤B*****5'],
  ])('masks %s', (_name, text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it.each([
    ['an 18-digit number whose check digit is wrong', '订单110105194912310021'],
    ['a number too long to be a phone', '单号2013812345678'],
    ['a landline-length number', '电话12345'],
    ['a price', '一份饭15元'],
    ['a phone glued to Latin letters (e.g. an order code)', 'AB13812345678'],
    ['plain text', '谢谢驿站，夏天要防晒袖套'],
  ])('leaves %s', (_name, text) => {
    expect(maskPersonalData(text)).toBe(text);
  });
});

describe('idCheckDigitValid', () => {
  it.each([
    ['11010519491231002X', true],
    ['110105194912310021', false],
    ['440524188001010014', true],
    ['440524188001010015', false],
    ['44052418800101001', false],
  ])('%s → %s', (id, valid) => {
    expect(idCheckDigitValid(id)).toBe(valid);
  });
});
