import { parse, type CsvError } from "csv-parse";
import { AppError } from "../../errors";
import { MAX_USER_ID_LENGTH } from "../../schemas/segments";

// One user id per row; a first row that is just `userId` or `user_id` is a header.
const HEADER = /^user_?id$/i;
 
const CONTROL = /[\u0000-\u001f\u007f]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A row longer than this is certainly not a user id (and a runaway quote stops here). */
const MAX_ROW_CHARS = 4096;

class RowProblem extends Error {
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`);
  }
}

function invalidCsv(line: number | undefined, problem: string): AppError {
  const where = line === undefined ? "the CSV" : `line ${line}`;
  return new AppError("validation_failed", `The CSV is invalid: ${where}: ${problem}.`, [
    { path: line === undefined ? "(body)" : `line ${line}`, message: problem },
  ]);
}

function userIdProblem(id: string): string | null {
  if (id.length > MAX_USER_ID_LENGTH) return `the user id is ${id.length} characters long; at most ${MAX_USER_ID_LENGTH} are allowed`;
  if (CONTROL.test(id)) return "the user id contains a control character";
  if (LONE_SURROGATE.test(id)) return "the user id contains an unpaired UTF-16 surrogate";
  return null;
}

/**
 * Parses a CSV of user ids as its bytes arrive and yields them in batches of `batchSize`, so an
 * upload of any size is inserted without being held in memory. Format: one id per row (the first
 * column); an optional header row `userId`/`user_id`; blank lines and whitespace around values are
 * ignored; quoted values may hold commas, quotes (`""`) and keep their spaces; a UTF-8 BOM is
 * skipped. A row with a second non-empty column, an id over 256 characters or a malformed quote is
 * a 400 naming the line.
 */
export async function* csvUserIdBatches(chunks: AsyncIterable<Uint8Array>, batchSize = 1000): AsyncGenerator<string[]> {
  let pending: string[] = [];
  let failure: unknown;
  let first = true;
  const parser = parse({
    bom: true,
    trim: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    max_record_size: MAX_ROW_CHARS,
    on_record: (record: string[], context) => {
      const line = context.lines;
      if (record.slice(1).some((cell) => cell !== "")) {
        throw new RowProblem(line, `expected one column (a user id), found ${record.length}`);
      }
      const id = record[0] ?? "";
      if (first) {
        first = false;
        if (HEADER.test(id)) return null;
      }
      if (id === "") throw new RowProblem(line, "the user id is empty");
      const problem = userIdProblem(id);
      if (problem) throw new RowProblem(line, problem);
      pending.push(id);
      // Nothing is passed downstream: records are collected here, so the parser never waits for a reader.
      return null;
    },
  });
  parser.on("error", (error) => {
    failure ??= error;
  });

  // Resolves once the parser took the chunk (or failed on it); a failure is kept for `check`.
  const settle = (start: (done: (error?: Error | null) => void) => void) =>
    new Promise<void>((resolve) =>
      start((error) => {
        if (error) failure ??= error;
        resolve();
      }),
    );
  const check = () => {
    if (failure === undefined) return;
    if (failure instanceof RowProblem) throw invalidCsv(failure.line, failure.problem);
    const csv = failure as Partial<CsvError> & { lines?: number };
    throw invalidCsv(typeof csv.lines === "number" ? csv.lines : undefined, csv.message ?? "it cannot be parsed");
  };
  const flush = function* (all: boolean) {
    while (pending.length >= batchSize || (all && pending.length > 0)) {
      const batch = pending.slice(0, batchSize);
      pending = pending.slice(batchSize);
      yield batch;
    }
  };

  try {
    for await (const chunk of chunks) {
      await settle((done) => parser.write(chunk, done));
      check();
      yield* flush(false);
    }
    await settle((done) => parser.end(done));
    check();
    yield* flush(true);
  } finally {
    if (!parser.destroyed) parser.destroy();
  }
}
