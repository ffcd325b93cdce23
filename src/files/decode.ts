/**
 * Bytes → text for CSV imports, streaming. The encoding is decided from the data, not guessed once from
 * a sample: a byte-order mark decides at once (UTF-8, UTF-16); otherwise the text is ASCII until the first
 * byte above 0x7F, and that byte decides: a valid UTF-8 sequence means UTF-8, anything else Windows-1252
 * (what Excel on Windows writes as "CSV"). After the decision, a file that switches encoding is refused,
 * naming the line: invalid UTF-8 in a UTF-8 file, or UTF-8 accented letters (Ã© for é) in a Windows-1252
 * file (CSV_ENCODING_INVALID).
 */
import { Transform, type TransformCallback } from 'node:stream';
import iconv from 'iconv-lite';
import { DomainError } from '../domain/codes.js';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Length of the UTF-8 sequence starting at `i`: >0 valid, 0 invalid, -1 incomplete (needs more bytes). */
export function utf8SequenceLength(b: Buffer, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let n: number;
  let min: number;
  if (c >= 0xc2 && c <= 0xdf) {
    n = 2;
    min = 0x80;
  } else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    min = 0x800;
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    min = 0x10000;
  } else return 0;
  let cp = c & (n === 2 ? 0x1f : n === 3 ? 0x0f : 0x07);
  for (let k = 1; k < n; k++) {
    if (i + k >= b.length) return -1;
    const x = b[i + k]!;
    if ((x & 0xc0) !== 0x80) return 0;
    cp = (cp << 6) | (x & 0x3f);
  }
  if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return 0;
  return n;
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i !== -1; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export class DecodeTransform extends Transform {
  /** The encoding once decided (null while everything was ASCII). */
  encoding: TextEncoding | null;
  private pending = Buffer.alloc(0);
  private first = true;
  private lines = 0;
  private utf8: TextDecoder | null = null;
  private other: ReturnType<typeof iconv.getDecoder> | null = null;

  constructor(forced: TextEncoding | null = null) {
    super({ readableObjectMode: false, decodeStrings: true, encoding: 'utf8' });
    this.encoding = null;
    if (forced) this.decide(forced);
  }

  private decide(e: TextEncoding): void {
    this.encoding = e;
    if (e === 'utf-8') this.utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    else this.other = iconv.getDecoder(e === 'windows-1252' ? 'win1252' : e, { stripBOM: true });
  }

  private out(text: string): void {
    if (text.length === 0) return;
    this.lines += countNewlines(text);
    this.push(text, 'utf8');
  }

  private fail(bytes: Buffer, at: number): never {
    const before =
      this.encoding === 'utf-8'
        ? bytes.subarray(0, at).toString('utf8')
        : iconv.decode(bytes.subarray(0, at), 'win1252');
    throw new DomainError('CSV_ENCODING_INVALID', {
      line: this.lines + countNewlines(before) + 1,
      encoding: this.encoding,
    });
  }

  /** Strict UTF-8; an invalid sequence fails naming its line. */
  private decodeUtf8(b: Buffer, final: boolean): void {
    try {
      this.out(this.utf8!.decode(b, { stream: !final }));
    } catch {
      let i = 0;
      while (i < b.length) {
        const n = utf8SequenceLength(b, i);
        if (n <= 0) break;
        i += n;
      }
      this.fail(b, i);
    }
  }

  /** Windows-1252, refusing UTF-8 encoded Latin letters (bytes C3 80–BF) that show a mixed file. */
  private decodeCp1252(b: Buffer, final: boolean): void {
    let end = b.length;
    for (let i = b.indexOf(0xc3); i !== -1; i = b.indexOf(0xc3, i + 1)) {
      if (i + 1 >= b.length) {
        if (!final) end = i;
        break;
      }
      const x = b[i + 1]!;
      if (x >= 0x80 && x <= 0xbf) this.fail(b, i);
    }
    this.out(this.other!.write(b.subarray(0, end)));
    this.pending = Buffer.from(b.subarray(end));
  }

  private process(chunk: Buffer, final: boolean): void {
    let b = this.pending.length ? Buffer.concat([this.pending, chunk]) : chunk;
    this.pending = Buffer.alloc(0);
    if (this.first) {
      if (b.length < 3 && !final) {
        this.pending = Buffer.from(b);
        return;
      }
      this.first = false;
      if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
        if (this.encoding === null) this.decide('utf-8');
        if (this.encoding === 'utf-8') b = b.subarray(3);
      } else if (this.encoding === null && b[0] === 0xff && b[1] === 0xfe) this.decide('utf-16le');
      else if (this.encoding === null && b[0] === 0xfe && b[1] === 0xff) this.decide('utf-16be');
    }
    if (this.encoding === null) {
      let i = 0;
      while (i < b.length && b[i]! < 0x80) i++;
      if (i === b.length) {
        this.out(b.toString('latin1'));
        return;
      }
      const n = utf8SequenceLength(b, i);
      if (n === -1 && !final) {
        this.out(b.subarray(0, i).toString('latin1'));
        this.pending = Buffer.from(b.subarray(i));
        return;
      }
      this.decide(n > 0 ? 'utf-8' : 'windows-1252');
    }
    if (this.encoding === 'utf-8') this.decodeUtf8(b, final);
    else if (this.encoding === 'windows-1252') this.decodeCp1252(b, final);
    else this.out(this.other!.write(b));
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      this.process(chunk, false);
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      this.process(Buffer.alloc(0), true);
      if (this.other) this.out(this.other.end() ?? '');
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }
}
