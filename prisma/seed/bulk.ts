import type pg from "pg";
import type { Prisma } from "../../lib/generated/prisma/client";
import { isoDate, type Day } from "./calendar";

// Rows are encoded once, as PostgreSQL COPY text lines, and written either
// with COPY (when we own the pg pool, ~2× faster than anything else measured)
// or, for a PrismaClient made elsewhere, as one text parameter per chunk that
// PostgreSQL splits and casts itself. Both avoid one query per row.

export type Column<T> = { readonly sql: string; encode(value: T): string; decode?: (field: string) => string };

// Values are ours, so instead of escaping we refuse what COPY would need escaped.
const UNSAFE = /[\t\n\r\\]/;
function safe(text: string): string {
  if (UNSAFE.test(text)) throw new Error(`Seed text may not contain tabs, newlines or backslashes: ${JSON.stringify(text)}`);
  return text;
}

export const text: Column<string> = { sql: "text", encode: safe };
/** Text with line breaks (message bodies): a newline travels as COPY's own `\n` escape. */
export const multiline: Column<string> = {
  sql: "text",
  encode: (value) => {
    safe(value.replace(/\n/g, " "));
    return value.replace(/\n/g, "\\n");
  },
  decode: (field) => `replace(${field}, '\\n', E'\\n')`,
};
export const int: Column<number> = { sql: "integer", encode: (n) => String(Math.trunc(n)) };
export const bool: Column<boolean> = { sql: "boolean", encode: (b) => (b ? "t" : "f") };
export const date: Column<Day> = { sql: "date", encode: isoDate };
/** Epoch milliseconds into Prisma's timestamp(3) without time zone, which holds UTC. */
export const moment: Column<number> = { sql: "timestamp(3)", encode: (ms) => new Date(ms).toISOString() };
/** Already rounded by the caller, e.g. grades to one decimal. */
export const decimal: Column<number> = { sql: "numeric", encode: (n) => n.toFixed(2) };
/** Plain identifiers only (e.g. school levels), so no array quoting is needed. */
export const textArray: Column<readonly string[]> = {
  sql: "text[]",
  encode: (items) => {
    const bad = items.find((item) => !/^\w+$/.test(item));
    if (bad !== undefined) throw new Error(`Seed array items must be plain words: ${JSON.stringify(bad)}`);
    return `{${items.join(",")}}`;
  },
};
export function enumOf<E extends string>(typeName: string): Column<E> {
  return { sql: `"${typeName}"`, encode: safe };
}
/** An array of enum values (plain words). */
export function enumArrayOf<E extends string>(typeName: string): Column<readonly E[]> {
  return { sql: `"${typeName}"[]`, encode: textArray.encode };
}

type Models = {
  User: Prisma.UserCreateManyInput;
  RoleMembership: Prisma.RoleMembershipCreateManyInput;
  Board: Prisma.BoardCreateManyInput;
  School: Prisma.SchoolCreateManyInput;
  SchoolTextVersion: Prisma.SchoolTextVersionCreateManyInput;
  SchoolTextTranslation: Prisma.SchoolTextTranslationCreateManyInput;
  SchoolYear: Prisma.SchoolYearCreateManyInput;
  Period: Prisma.PeriodCreateManyInput;
  SchoolHoliday: Prisma.SchoolHolidayCreateManyInput;
  Notification: Prisma.NotificationCreateManyInput;
  ClassGroup: Prisma.ClassGroupCreateManyInput;
  Pupil: Prisma.PupilCreateManyInput;
  Guardian: Prisma.GuardianCreateManyInput;
  GuardianLink: Prisma.GuardianLinkCreateManyInput;
  Staff: Prisma.StaffCreateManyInput;
  Mentorship: Prisma.MentorshipCreateManyInput;
  Subject: Prisma.SubjectCreateManyInput;
  Assessment: Prisma.AssessmentCreateManyInput;
  Result: Prisma.ResultCreateManyInput;
  AbsenceRecord: Prisma.AbsenceRecordCreateManyInput;
  ContactMoment: Prisma.ContactMomentCreateManyInput;
  ContactMomentGuardian: Prisma.ContactMomentGuardianCreateManyInput;
  QualityIndicator: Prisma.QualityIndicatorCreateManyInput;
  IndicatorValue: Prisma.IndicatorValueCreateManyInput;
  IndicatorBenchmark: Prisma.IndicatorBenchmarkCreateManyInput;
};
export type ModelName = keyof Models;

// `encode` is a method, so parameters are compared bivariantly and every
// Column<T> fits Column<never>; the real T is recovered from the literal.
export type Columns = Record<string, Column<never>>;
type CellOf<C> = C extends Column<infer T> ? T | null : never;
export type RowOf<C extends Columns> = { [K in keyof C]: CellOf<C[K]> };

export type TableSpec<C extends Columns> = { readonly name: ModelName; readonly columns: C };

/** Column names are checked against the Prisma model, so a schema rename fails to compile. */
export function table<M extends ModelName, C extends Columns>(
  name: M,
  columns: C & Record<Exclude<keyof C, keyof Models[M]>, never>,
): TableSpec<C> {
  return { name, columns };
}

const CHUNK_CHARS = 4 * 1024 * 1024;

/** COPY text lines for one table, kept in chunks of a few MB. */
export class TableBuffer<C extends Columns = Columns> {
  private readonly keys: (keyof C & string)[];
  private readonly chunks: string[] = [];
  private current: string[] = [];
  private currentChars = 0;
  rows = 0;

  constructor(readonly spec: TableSpec<C>) {
    this.keys = Object.keys(spec.columns);
  }

  add(row: RowOf<C>): void {
    let line = "";
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      const value = row[key];
      if (i > 0) line += "\t";
      line += value === null || value === undefined ? "\\N" : (this.spec.columns[key] as Column<unknown>).encode(value);
    }
    this.current.push(line);
    this.currentChars += line.length + 1;
    this.rows += 1;
    if (this.currentChars >= CHUNK_CHARS) this.seal();
  }

  private seal(): void {
    if (this.current.length === 0) return;
    this.chunks.push(this.current.join("\n") + "\n");
    this.current = [];
    this.currentChars = 0;
  }

  /** The encoded chunks, each a run of complete lines. */
  drain(): string[] {
    this.seal();
    return this.chunks.splice(0);
  }

  columnList(): string {
    return this.keys.map((key) => `"${key}"`).join(", ");
  }

  castList(): string {
    return this.keys
      .map((key, i) => {
        const column = this.spec.columns[key];
        const field = `nullif(f[${i + 1}], '\\N')`;
        return `${column.decode ? column.decode(field) : field}::${column.sql}`;
      })
      .join(", ");
  }
}

export type AnyTableBuffer = TableBuffer<Columns>;

/** Writes a batch of tables, in the given order, as one transaction. */
export interface BulkWriter {
  write(buffers: readonly AnyTableBuffer[]): Promise<void>;
}

type CopyConnection = { query(sql: string): void; sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void };

/** COPY … FROM STDIN on node-postgres's message level, as pg-copy-streams does. */
function copyIn(client: pg.PoolClient, sql: string, chunks: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    const copy = {
      submit(connection: unknown) {
        (connection as CopyConnection).query(sql);
      },
      handleCopyInResponse(connection: unknown) {
        const c = connection as CopyConnection;
        for (const chunk of chunks) c.sendCopyFromChunk(Buffer.from(chunk));
        c.endCopyFrom();
      },
      handleCommandComplete() {},
      handleError(error: Error) {
        failure = error;
      },
      handleReadyForQuery() {
        if (failure) reject(failure);
        else resolve();
      },
    };
    client.query(copy);
  });
}

export function copyWriter(pool: pg.Pool): BulkWriter {
  return {
    async write(buffers) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        for (const buffer of buffers) {
          const chunks = buffer.drain();
          if (chunks.length === 0) continue;
          await copyIn(client, `COPY "${buffer.spec.name}" (${buffer.columnList()}) FROM STDIN`, chunks);
        }
        await client.query("COMMIT");
        client.release();
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        client.release(error instanceof Error ? error : true);
        throw error;
      }
    },
  };
}

type RawExecutor = {
  $executeRawUnsafe(sql: string, ...values: unknown[]): Prisma.PrismaPromise<number>;
  $transaction(queries: Prisma.PrismaPromise<unknown>[]): Promise<unknown[]>;
};

export function prismaWriter(db: RawExecutor): BulkWriter {
  return {
    async write(buffers) {
      const statements: Prisma.PrismaPromise<number>[] = [];
      for (const buffer of buffers) {
        const sql =
          `INSERT INTO "${buffer.spec.name}" (${buffer.columnList()}) SELECT ${buffer.castList()} ` +
          `FROM (SELECT string_to_array(line, E'\\t') AS f FROM unnest(string_to_array($1, E'\\n')) AS line WHERE line <> '') AS rows`;
        for (const chunk of buffer.drain()) statements.push(db.$executeRawUnsafe(sql, chunk));
      }
      if (statements.length > 0) await db.$transaction(statements);
    },
  };
}
