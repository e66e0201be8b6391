/** Why a prompt's SSML cannot be spoken; `code` lets editors word it in their own language. */
export interface SsmlProblem {
  code:
    | 'badEntity'
    | 'badSyntax'
    | 'unknownTag'
    | 'unknownAttribute'
    | 'badValue'
    | 'missingAttribute'
    | 'notEmpty'
    | 'unclosed'
    | 'mismatched'
    | 'strayClose';
  /** Character offset of the problem in the SSML. */
  at: number;
  tag?: string;
  attribute?: string;
  /** The value given, for `badValue`. */
  value?: string;
  /** Examples of the values the attribute accepts (language-neutral), for `badValue` and `missingAttribute`. */
  expected?: string;
  /** An English sentence saying what is wrong and what to do. */
  message: string;
}

type AttributeRule = { pattern: RegExp; expected: string; required?: boolean };

const LEVELS = (...words: string[]) => new RegExp(`^(?:${words.join('|')})$`);

/**
 * The SSML subset Omniflow speaks: what Twilio's Polly voices read and the local synthesizers can fall back from
 * (tags dropped, `<sub alias>` read). `{{placeholders}}` are plain text inside it.
 */
export const SSML_TAGS: Readonly<Record<string, Readonly<Record<string, AttributeRule>>>> = {
  speak: { 'xml:lang': { pattern: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, expected: 'en-US, zh-CN, ko-KR' } },
  break: {
    time: { pattern: /^\d+(?:\.\d+)?(?:ms|s)$/, expected: '500ms, 1.5s' },
    strength: {
      pattern: LEVELS('none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong'),
      expected: 'none, x-weak, weak, medium, strong, x-strong',
    },
  },
  emphasis: { level: { pattern: LEVELS('strong', 'moderate', 'reduced'), expected: 'strong, moderate, reduced' } },
  prosody: {
    rate: { pattern: /^(?:x-slow|slow|medium|fast|x-fast|\d+%)$/, expected: 'x-slow, slow, medium, fast, x-fast, 80%' },
    pitch: {
      pattern: /^(?:x-low|low|medium|high|x-high|[+-]?\d+(?:\.\d+)?%)$/,
      expected: 'x-low, low, medium, high, x-high, +10%',
    },
    volume: {
      pattern: /^(?:silent|x-soft|soft|medium|loud|x-loud|[+-]\d+(?:\.\d+)?dB)$/,
      expected: 'silent, x-soft, soft, medium, loud, x-loud, +6dB',
    },
  },
  'say-as': {
    'interpret-as': {
      pattern: LEVELS(
        'characters',
        'spell-out',
        'cardinal',
        'number',
        'ordinal',
        'digits',
        'fraction',
        'unit',
        'date',
        'time',
        'address',
        'telephone',
        'expletive',
      ),
      expected:
        'characters, spell-out, cardinal, number, ordinal, digits, fraction, unit, date, time, address, telephone',
      required: true,
    },
    format: { pattern: /^[a-z]{1,8}$/, expected: 'mdy, dmy, ymd' },
  },
  sub: { alias: { pattern: /\S/, expected: 'World Wide Web', required: true } },
  phoneme: {
    alphabet: { pattern: LEVELS('ipa', 'x-sampa'), expected: 'ipa, x-sampa' },
    ph: { pattern: /\S/, expected: 'təˈmɑːtoʊ', required: true },
  },
  lang: {
    'xml:lang': { pattern: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, expected: 'en-US, zh-CN, ko-KR', required: true },
  },
  p: {},
  s: {},
};

const EMPTY_TAGS = new Set(['break']);
const NAME = /^[A-Za-z][\w.:-]*/;
const ATTRIBUTE = /^\s+([A-Za-z][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/;

/**
 * Checks that SSML is well-formed XML using only {@link SSML_TAGS} with valid attribute values; the outer `<speak>`
 * is optional. Returns every problem found, in document order (none: it can be spoken).
 */
export function validateSsml(ssml: string): SsmlProblem[] {
  const problems: SsmlProblem[] = [];
  const open: { tag: string; at: number }[] = [];
  let i = 0;
  while (i < ssml.length) {
    const c = ssml[i];
    if (c === '&') {
      const entity = /^&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/.exec(ssml.slice(i));
      if (!entity) problems.push({ code: 'badEntity', at: i, message: `"&" at ${i} must be written &amp; in SSML` });
      i += entity ? entity[0].length : 1;
      continue;
    }
    if (c !== '<') {
      i++;
      continue;
    }
    const end = ssml.indexOf('>', i);
    if (end < 0) {
      problems.push({ code: 'badSyntax', at: i, message: `the tag at ${i} is never closed with ">"` });
      break;
    }
    const body = ssml.slice(i + 1, end);
    if (body.startsWith('?') || body.startsWith('!--')) {
      // The XML declaration and comments are allowed; a comment must end with "-->".
      const close = body.startsWith('!--') ? ssml.indexOf('-->', i) + 3 : end + 1;
      i = close < 3 ? ssml.length : close;
      continue;
    }
    if (body.startsWith('/')) {
      const tag = body.slice(1).trim();
      const top = open.pop();
      if (!top) problems.push({ code: 'strayClose', at: i, tag, message: `</${tag}> at ${i} closes nothing` });
      else if (top.tag !== tag)
        problems.push({
          code: 'mismatched',
          at: i,
          tag,
          message: `</${tag}> at ${i} closes <${top.tag}> opened at ${top.at}; close <${top.tag}> first`,
        });
      i = end + 1;
      continue;
    }
    checkOpenTag(body, i, problems, open);
    i = end + 1;
  }
  for (const left of open.toReversed())
    problems.push({
      code: 'unclosed',
      at: left.at,
      tag: left.tag,
      message: `<${left.tag}> at ${left.at} is never closed`,
    });
  return problems;
}

function checkOpenTag(body: string, at: number, problems: SsmlProblem[], open: { tag: string; at: number }[]): void {
  const selfClosing = body.endsWith('/');
  const inner = selfClosing ? body.slice(0, -1) : body;
  const name = NAME.exec(inner)?.[0];
  if (!name) {
    problems.push({ code: 'badSyntax', at, message: `"<" at ${at} starts no tag; write &lt; for a less-than sign` });
    return;
  }
  const rules = Object.hasOwn(SSML_TAGS, name) ? SSML_TAGS[name] : undefined;
  if (!rules) {
    const known = Object.keys(SSML_TAGS).join(', ');
    problems.push({ code: 'unknownTag', at, tag: name, message: `<${name}> is not supported; use ${known}` });
  }
  if (!selfClosing) open.push({ tag: name, at });
  let rest = inner.slice(name.length);
  const seen = new Set<string>();
  while (rest.trim() !== '') {
    const match = ATTRIBUTE.exec(rest);
    if (!match) {
      problems.push({
        code: 'badSyntax',
        at,
        tag: name,
        message: `<${name}> at ${at} has a malformed attribute; write name="value"`,
      });
      return;
    }
    const attribute = match[1] ?? '';
    const value = match[2] ?? match[3] ?? '';
    rest = rest.slice(match[0].length);
    seen.add(attribute);
    if (!rules || attribute === 'xmlns') continue;
    const rule = Object.hasOwn(rules, attribute) ? rules[attribute] : undefined;
    if (!rule) {
      const allowed = Object.keys(rules);
      problems.push({
        code: 'unknownAttribute',
        at,
        tag: name,
        attribute,
        message: `<${name}> has no attribute "${attribute}"${allowed.length ? `; it takes ${allowed.join(', ')}` : ''}`,
      });
    } else if (!rule.pattern.test(value)) {
      problems.push({
        code: 'badValue',
        at,
        tag: name,
        attribute,
        value,
        expected: rule.expected,
        message: `${attribute}="${value}" on <${name}> is not valid; use one of: ${rule.expected}`,
      });
    }
  }
  for (const [attribute, rule] of Object.entries(rules ?? {})) {
    if (rule.required && !seen.has(attribute))
      problems.push({
        code: 'missingAttribute',
        at,
        tag: name,
        attribute,
        expected: rule.expected,
        message: `<${name}> needs ${attribute}="…", like ${attribute}="${rule.expected}"`,
      });
  }
  if (EMPTY_TAGS.has(name) && !selfClosing) {
    open.pop();
    problems.push({ code: 'notEmpty', at, tag: name, message: `<${name}> takes no content; write <${name} …/>` });
  }
}
