/**
 * Uploaded import files are personal data, so they are written encrypted at rest (and deleted when the
 * import ends; see usecases/imports). The format is a stream of authenticated frames, so a file can be
 * written and read in bounded memory and every frame is verified before its bytes are used:
 *
 *   "KKF1" | nonce prefix (8 bytes) | frame* ,  frame = final flag (1 bit) + length (31 bits, u32 BE) |
 *                                                      AES-256-GCM ciphertext | tag (16)
 *
 * Frame n uses the nonce prefix | n (u32 BE) and the additional data "KKF1" | final flag, so frames cannot
 * be reordered or the flag flipped, and a truncated file (no final frame) is detected. The key is per file.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

const MAGIC = Buffer.from('KKF1', 'ascii');
const FRAME_PLAIN = 64 * 1024;
const TAG = 16;
const HEADER = MAGIC.length + 8;
/** The largest frame a reader accepts (a damaged length field must not make it buffer gigabytes). */
const MAX_FRAME = FRAME_PLAIN + TAG;
const FINAL_BIT = 0x8000_0000;

export class FileTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`file larger than ${limitBytes} bytes`);
  }
}

export class EncryptedFileError extends Error {}

function nonce(prefix: Buffer, n: number): Buffer {
  const iv = Buffer.alloc(12);
  prefix.copy(iv, 0);
  iv.writeUInt32BE(n, 8);
  return iv;
}

const aad = (final: boolean) => Buffer.concat([MAGIC, Buffer.from([final ? 1 : 0])]);

/**
 * Encrypts what passes through; also counts the plaintext bytes, hashes them (SHA-256) and keeps the first
 * `headBytes` for sniffing the format. Fails with FileTooLargeError beyond `maxBytes`.
 */
export class EncryptTransform extends Transform {
  readonly hash = createHash('sha256');
  bytes = 0;
  head: Buffer = Buffer.alloc(0);
  private readonly prefix = randomBytes(8);
  private counter = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private started = false;

  constructor(
    private readonly key: Buffer,
    private readonly maxBytes: number,
    private readonly headBytes = 4096,
  ) {
    super();
  }

  private frame(plain: Buffer, final: boolean): Buffer {
    const c = createCipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter++));
    c.setAAD(aad(final));
    const ct = Buffer.concat([c.update(plain), c.final()]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE((ct.length + TAG + (final ? FINAL_BIT : 0)) >>> 0, 0);
    return Buffer.concat([len, ct, c.getAuthTag()]);
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      cb(new FileTooLargeError(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    if (this.head.length < this.headBytes) {
      this.head = Buffer.concat([this.head, chunk.subarray(0, this.headBytes - this.head.length)]);
    }
    if (!this.started) {
      this.started = true;
      this.push(Buffer.concat([MAGIC, this.prefix]));
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes > FRAME_PLAIN) {
      let all = Buffer.concat(this.pending);
      while (all.length > FRAME_PLAIN) {
        this.push(this.frame(all.subarray(0, FRAME_PLAIN), false));
        all = all.subarray(FRAME_PLAIN);
      }
      this.pending = [all];
      this.pendingBytes = all.length;
    }
    cb();
  }

  override _flush(cb: TransformCallback): void {
    if (!this.started) this.push(Buffer.concat([MAGIC, this.prefix]));
    this.push(this.frame(Buffer.concat(this.pending), true));
    this.pending = [];
    cb();
  }
}

/** Decrypts and verifies frame by frame; fails on a damaged, reordered or truncated file. */
export class DecryptTransform extends Transform {
  private buf: Buffer = Buffer.alloc(0);
  private prefix: Buffer | null = null;
  private counter = 0;
  private done = false;

  constructor(private readonly key: Buffer) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, cb: TransformCallback): void {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    try {
      this.drain();
      cb();
    } catch (e) {
      cb(e as Error);
    }
  }

  private drain(): void {
    if (this.prefix === null) {
      if (this.buf.length < HEADER) return;
      if (!this.buf.subarray(0, MAGIC.length).equals(MAGIC))
        throw new EncryptedFileError('not an import file');
      this.prefix = Buffer.from(this.buf.subarray(MAGIC.length, HEADER));
      this.buf = this.buf.subarray(HEADER);
    }
    while (this.buf.length >= 4) {
      if (this.done) throw new EncryptedFileError('data after the final frame');
      const field = this.buf.readUInt32BE(0);
      const final = field >= FINAL_BIT;
      const len = final ? field - FINAL_BIT : field;
      if (len < TAG || len > MAX_FRAME) throw new EncryptedFileError('damaged frame length');
      if (this.buf.length < 4 + len) return;
      const body = this.buf.subarray(4, 4 + len - TAG);
      const tag = this.buf.subarray(4 + len - TAG, 4 + len);
      const d = createDecipheriv('aes-256-gcm', this.key, nonce(this.prefix, this.counter++));
      d.setAAD(aad(final));
      d.setAuthTag(tag);
      let plain: Buffer;
      try {
        plain = Buffer.concat([d.update(body), d.final()]);
      } catch {
        throw new EncryptedFileError('frame failed authentication');
      }
      if (plain.length) this.push(plain);
      if (final) this.done = true;
      this.buf = this.buf.subarray(4 + len);
    }
  }

  override _flush(cb: TransformCallback): void {
    if (!this.done || this.buf.length > 0) {
      cb(new EncryptedFileError('file is truncated'));
      return;
    }
    cb();
  }
}
