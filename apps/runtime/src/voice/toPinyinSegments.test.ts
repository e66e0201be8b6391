import { describe, expect, it } from 'vitest';
import { toPinyinSegments } from './toPinyinSegments.ts';

describe('toPinyinSegments', () => {
  it('speaks characters as tone-numbered pinyin, polyphones in context', () => {
    expect(toPinyinSegments('欢迎致电欧米银行')).toEqual([
      { script: 'pinyin', text: 'huan1 ying2 zhi4 dian4 ou1 mi3 yin2 hang2' },
    ]);
  });

  it('keeps the citation tone of a digit but the tone changes of 一 and 不 in words', () => {
    expect(toPinyinSegments('请按1键')[0]?.text).toBe('qing3 an4 yi1 jian4');
    expect(toPinyinSegments('一个选项，不用了')[0]?.text).toMatch(/^yi2 ge4 xuan3 xiang4,\s+bu2 yong4 le0$/);
  });

  it('reads full-width digits like ASCII ones', () => {
    expect(toPinyinSegments('请按１')[0]?.text).toBe('qing3 an4 yi1');
  });

  it('turns punctuation into pauses, a sentence end also ending the line', () => {
    expect(toPinyinSegments('你好，再见。谢谢！')[0]?.text).toMatch(/^ni3 hao3,\s+zai4 jian4\.\n\s*xie4 xie4\.$/);
  });

  it('gives Latin words their own segment for an English voice', () => {
    expect(toPinyinSegments('请输入ATM和PIN码')).toEqual([
      { script: 'pinyin', text: 'qing3 shu1 ru4' },
      { script: 'latin', text: 'ATM' },
      { script: 'pinyin', text: 'he2' },
      { script: 'latin', text: 'PIN' },
      { script: 'pinyin', text: 'ma3' },
    ]);
  });
});
