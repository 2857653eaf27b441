import { canonicalBytes, canonicalJson, CanonicalJsonError } from './canonical-json';

describe('canonical JSON', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives the same bytes whatever the insertion order of keys', () => {
    const one = canonicalBytes({ type: 'MatterOpened', data: { 甲: 1, b: true }, n: null });
    const two = canonicalBytes({ n: null, data: { b: true, 甲: 1 }, type: 'MatterOpened' });
    expect(one.equals(two)).toBe(true);
  });

  it('writes bigints beyond 2^53 as decimal strings and refuses unsafe integer numbers', () => {
    expect(canonicalJson({ position: 9007199254740993n })).toBe('{"position":"9007199254740993"}');
    expect(() => canonicalJson({ position: 2 ** 60 })).toThrow(CanonicalJsonError);
  });

  it('refuses values that have no JSON form', () => {
    expect(() => canonicalJson({ x: NaN })).toThrow(/x: NaN/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(CanonicalJsonError);
  });

  it('keeps Chinese text byte for byte and writes -0 as 0', () => {
    const text = '紫悦华府 拖欠农民工工资 \u2028';
    const bytes = canonicalBytes({ text, zero: -0 });
    expect(JSON.parse(bytes.toString('utf8'))).toEqual({ text, zero: 0 });
    expect(bytes.toString('utf8')).toBe(`{"text":${JSON.stringify(text)},"zero":0}`);
  });

  it('drops undefined members and writes undefined array items as null', () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });
});

describe('canonical JSON strings', () => {
  it('escapes exactly as JSON.stringify does, surrogate pairs and lone surrogates included', () => {
    const samples = [
      'plain',
      '引号"和\\反斜杠',
      'tab\tnewline\n\u0000\u001f',
      '😀 pair',
      'lone \ud800 high',
      'lone \udc00 low',
      '\u2028\u2029',
      '',
    ];
    for (const text of samples) expect(canonicalJson(text)).toBe(JSON.stringify(text));
  });
});
