/**
 * Streaming CSV records: bytes → text (decode.ts) → csv-parse, pulled one record at a time, so memory
 * stays bounded whatever the file size (async iteration is the back-pressure). The delimiter (`;`, `,`
 * or tab) is sniffed from the header line. Every record carries the line it starts on (1-based), also
 * when a quoted field spans lines; structural errors (a quote never closed, text after a closing quote, a
 * record over 1 MiB) fail with CSV_MALFORMED naming the line.
 */
import { pipeline, Readable } from 'node:stream';
import { type CsvError, parse } from 'csv-parse';
import { DomainError } from '../domain/codes.js';
import { DecodeTransform, type TextEncoding } from './decode.js';

export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface CsvOptions {
  /** Force an encoding (e.g. the one a preview found); null decides from the data. */
  encoding?: TextEncoding | null;
  /** Force a delimiter; null sniffs it from the header line. */
  delimiter?: string | null;
}

/** Characters of one record at most: an unclosed quote must not swallow the file into memory. */
export const MAX_RECORD_CHARS = 1024 * 1024;

export const DELIMITERS = [';', ',', '\t'] as const;

/** The delimiter that occurs most often outside quotes in the header line (ties: `;`, then `,`). */
export function sniffDelimiter(headerLine: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = ';';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

function malformed(e: CsvError | Error, afterLine: number): DomainError {
  const code = (e as CsvError).code;
  const line = afterLine + 1;
  const problem =
    code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE'
      ? `a quote opened on line ${line} (or later) is never closed`
      : code === 'CSV_INVALID_CLOSING_QUOTE' || code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE'
        ? `text directly after a closing quote on line ${(e as CsvError & { lines?: number }).lines ?? line}`
        : code === 'INVALID_OPENING_QUOTE'
          ? `a quote in the middle of a field on line ${(e as CsvError & { lines?: number }).lines ?? line}`
          : `unreadable CSV near line ${line}`;
  const at =
    code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE'
      ? line
      : ((e as CsvError & { lines?: number }).lines ?? line);
  return new DomainError('CSV_MALFORMED', { line: at, problem });
}

/** Where a record starts: its end line minus the line breaks inside it (raw holds leading blank lines). */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^(?:\r\n|\n|\r)+/, '').replace(/(?:\r\n|\n|\r)$/, '');
  let n = 0;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) n++;
  return endLine - n;
}

export interface CsvSource {
  /** Known once the first non-ASCII byte or the BOM was seen (null: all ASCII so far). */
  encoding(): TextEncoding | null;
  delimiter(): string | null;
  records(): AsyncGenerator<CsvRecord>;
}

/** Read CSV records from a byte stream. The stream is consumed (and destroyed on early return). */
export function readCsv(input: Readable, opts: CsvOptions = {}): CsvSource {
  const decoder = new DecodeTransform(opts.encoding ?? null);
  const text = pipeline(input, decoder, () => undefined);
  let delimiter: string | null = opts.delimiter ?? null;

  async function* records(): AsyncGenerator<CsvRecord> {
    const it = text[Symbol.asyncIterator]() as AsyncIterator<string>;
    // Collect text up to the end of the header line to sniff the delimiter.
    let head = '';
    let ended = false;
    while (!/[\r\n]/.test(head) && head.length < MAX_RECORD_CHARS) {
      const r = await it.next();
      if (r.done) {
        ended = true;
        break;
      }
      head += r.value;
    }
    if (delimiter === null) delimiter = sniffDelimiter(head.split(/\r\n|\n|\r/, 1)[0] ?? '');
    const source = Readable.from(
      (async function* () {
        if (head) yield head;
        if (ended) return;
        for (let r = await it.next(); !r.done; r = await it.next()) yield r.value as string;
      })(),
      { objectMode: false },
    );
    // The parser runs ahead of the consumer: remember the last line it parsed well, for error messages.
    let lastLine = 0;
    const parser = parse({
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
      delimiter,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
    });
    const parsed = pipeline(source, parser, () => undefined);
    try {
      for await (const r of parsed as AsyncIterable<{
        record: string[];
        info: { lines: number };
        raw: string;
      }>) {
        yield { line: startLine(r.info.lines, r.raw), cells: r.record };
      }
    } catch (e) {
      if (e instanceof DomainError) throw e;
      if ((e as CsvError).code && String((e as CsvError).code).startsWith('CSV_'))
        throw malformed(e as CsvError, lastLine);
      if ((e as CsvError).code === 'INVALID_OPENING_QUOTE') throw malformed(e as CsvError, lastLine);
      throw e;
    } finally {
      parsed.destroy();
      input.destroy();
    }
  }

  return {
    encoding: () => decoder.encoding,
    delimiter: () => delimiter,
    records,
  };
}
