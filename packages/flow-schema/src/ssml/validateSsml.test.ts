import { describe, expect, it } from 'vitest';
import { validateSsml } from './validateSsml.ts';

const codes = (ssml: string) => validateSsml(ssml).map((p) => [p.code, p.tag ?? '', p.attribute ?? '']);

describe('validateSsml', () => {
  it('accepts plain text, placeholders and the supported subset', () => {
    expect(validateSsml('Hello {{name}}, welcome.')).toEqual([]);
    expect(
      validateSsml(
        '<?xml version="1.0"?><speak xml:lang="en-US"><p><s>Your code is <say-as interpret-as="digits">{{code}}</say-as>.</s>' +
          '<break time="500ms"/><prosody rate="slow" pitch="-10%" volume="+3dB">Thanks</prosody> &amp; ' +
          '<emphasis level="strong">bye</emphasis><sub alias="World Wide Web">WWW</sub><!-- note -->' +
          '<phoneme alphabet="ipa" ph="təˈmɑːtoʊ">tomato</phoneme><lang xml:lang="ko-KR">안녕</lang></p></speak>',
      ),
    ).toEqual([]);
  });

  it('reports malformed XML with where and what to do', () => {
    expect(codes('<speak>Hi')).toEqual([['unclosed', 'speak', '']]);
    expect(codes('<speak><p>Hi</speak></p>')).toEqual([
      ['mismatched', 'speak', ''],
      ['mismatched', 'p', ''],
    ]);
    expect(codes('Hi</s>')).toEqual([['strayClose', 's', '']]);
    expect(codes('Tom & Jerry')).toEqual([['badEntity', '', '']]);
    expect(codes('1 < 2')).toEqual([['badSyntax', '', '']]);
    expect(codes('<break time="1s"')).toEqual([['badSyntax', '', '']]);
    expect(codes('<prosody rate=slow>x</prosody>')).toEqual([['badSyntax', 'prosody', '']]);
    expect(validateSsml('<speak><p>Hi</speak></p>')[0]?.message).toBe(
      '</speak> at 12 closes <p> opened at 7; close <p> first',
    );
  });

  it('reports tags, attributes and values outside the subset', () => {
    expect(codes('<audio src="x.wav"/>')).toEqual([['unknownTag', 'audio', '']]);
    expect(codes('<break time="long"/>')).toEqual([['badValue', 'break', 'time']]);
    expect(codes('<break color="red"/>')).toEqual([['unknownAttribute', 'break', 'color']]);
    expect(codes('<say-as>12</say-as>')).toEqual([['missingAttribute', 'say-as', 'interpret-as']]);
    expect(codes('<break time="1s">x</break>')).toEqual([
      ['notEmpty', 'break', ''],
      ['strayClose', 'break', ''],
    ]);
    expect(validateSsml('<prosody rate="warp">x</prosody>')[0]?.message).toBe(
      'rate="warp" on <prosody> is not valid; use one of: x-slow, slow, medium, fast, x-fast, 80%',
    );
  });
});
