import { parse as parseCsv } from 'csv-parse/sync';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { decodeListText, type ListEncoding } from './decodeListText.ts';
import { isValidTimeZone, regionTimeZones } from './regionTimeZones.ts';

/** How the columns of a list map onto a campaign's contacts. */
export interface ColumnMapping {
  /** The column holding the phone number (else the first column named like one: phone, mobile, 电话, 전화번호 …). */
  phone?: string;
  /** A column holding each row's IANA time zone (else `tz`/`timezone`; else derived from the number's region). */
  timeZone?: string;
  /** Column → flow variable name; columns not named here keep their own name when it is an identifier. */
  variables?: Record<string, string>;
}

/** What to parse and how. */
export interface ContactListInput {
  bytes: Uint8Array;
  /** `auto` (default) detects JSON by its first character. */
  format?: 'csv' | 'json' | 'auto';
  encoding?: ListEncoding | 'auto';
  mapping?: ColumnMapping;
  /** The region of numbers written without a country code (ISO 3166 alpha-2). */
  defaultRegion: string;
}

/** One callable contact of a list. */
export interface ListContact {
  /** 1-based line of the CSV file (or 1-based item of a JSON array). */
  line: number;
  phone: string;
  region: string;
  timeZones: string[];
  /** The row's fields as flow variables (strings, as written). */
  variables: Record<string, string>;
}

/** A row left out, with where and why. */
export interface RowProblem {
  line: number;
  code: 'NO_PHONE' | 'BAD_PHONE' | 'BAD_TIME_ZONE' | 'NO_TIME_ZONE' | 'DUPLICATE';
  message: string;
}

/** A parsed list: the contacts to call, the rows left out, and how the file was read. */
export interface ContactList {
  encoding: ListEncoding;
  encodingDetected: boolean;
  columns: string[];
  phoneColumn: string;
  /** Columns that become no variable (not an identifier and not mapped). */
  ignoredColumns: string[];
  contacts: ListContact[];
  problems: RowProblem[];
}

/** Why a whole list is refused (nothing of it is kept). */
export interface ListRefusal {
  code: 'BAD_ENCODING' | 'BAD_FORMAT' | 'NO_PHONE_COLUMN' | 'EMPTY_LIST' | 'TOO_MANY_ROWS' | 'BAD_REGION';
  message: string;
  line?: number;
}

/** The most rows one list may hold. */
export const MAX_LIST_ROWS = 200_000;

const PHONE_HEADERS = ['phone', 'phone_number', 'phonenumber', 'mobile', 'msisdn', 'number', 'tel', 'telephone'];
const PHONE_HEADERS_CJK = [
  '电话',
  '手机',
  '手机号',
  '电话号码',
  '手机号码',
  '전화번호',
  '휴대폰',
  '휴대전화',
  '연락처',
];
const ZONE_HEADERS = ['tz', 'timezone', 'time_zone'];
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Reads a contact list from CSV (first line the header) or JSON (an array of objects): decodes it, finds the phone
 * column, normalizes each number to E.164, finds each contact's time zones, drops duplicates and bad rows with their
 * line and reason. A file that cannot be a list at all is refused as a whole with what to fix.
 */
export function parseContactList(
  input: ContactListInput,
): { ok: true; list: ContactList } | { ok: false; refusal: ListRefusal } {
  const region = input.defaultRegion.toUpperCase();
  if (!isSupportedCountry(region))
    return refuse(
      'BAD_REGION',
      `"${input.defaultRegion}" is not a region code; use ISO 3166 alpha-2 such as US, CN or KR.`,
    );
  const decoded = decodeListText(input.bytes, input.encoding ?? 'auto');
  if (!decoded.ok) return refuse('BAD_ENCODING', decoded.message, decoded.line);
  const table = readTable(decoded.text, input.format ?? 'auto');
  if (!table.ok) return { ok: false, refusal: table.refusal };
  const { columns, rows } = table;
  if (rows.length === 0)
    return refuse('EMPTY_LIST', 'The list has no rows under its header; add at least one contact.');
  if (rows.length > MAX_LIST_ROWS)
    return refuse(
      'TOO_MANY_ROWS',
      `The list has ${rows.length} rows; split it into lists of at most ${MAX_LIST_ROWS}.`,
    );

  const mapping = input.mapping ?? {};
  const phoneColumn = mapping.phone ?? findColumn(columns, [...PHONE_HEADERS, ...PHONE_HEADERS_CJK]);
  if (phoneColumn === undefined || !columns.includes(phoneColumn))
    return refuse(
      'NO_PHONE_COLUMN',
      mapping.phone === undefined
        ? `No phone column among ${columns.map((c) => `"${c}"`).join(', ')}; name one "phone" or map it with mapping.phone.`
        : `mapping.phone names "${mapping.phone}", which is not a column (columns: ${columns.join(', ')}).`,
    );
  const zoneColumn = mapping.timeZone ?? findColumn(columns, ZONE_HEADERS);
  const variableNames = new Map<string, string>();
  const ignoredColumns: string[] = [];
  for (const column of columns) {
    const name = mapping.variables?.[column] ?? (IDENTIFIER.test(column) ? column : undefined);
    if (name !== undefined && IDENTIFIER.test(name)) variableNames.set(column, name);
    else ignoredColumns.push(column);
  }

  const contacts: ListContact[] = [];
  const problems: RowProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const { line, fields } of rows) {
    const raw = (fields[phoneColumn] ?? '').trim();
    if (raw === '') {
      problems.push({ line, code: 'NO_PHONE', message: `Line ${line} has no phone number in "${phoneColumn}".` });
      continue;
    }
    const number = parsePhoneNumberFromString(raw, region as CountryCode);
    if (!number?.isValid()) {
      problems.push({
        line,
        code: 'BAD_PHONE',
        message: `Line ${line}: "${raw}" is not a valid phone number (default region ${region}).`,
      });
      continue;
    }
    const phone = number.number;
    const first = firstLineOf.get(phone);
    if (first !== undefined) {
      problems.push({
        line,
        code: 'DUPLICATE',
        message: `Line ${line}: ${phone} is already on line ${first}; dropped.`,
      });
      continue;
    }
    const numberRegion = number.country ?? region;
    const zoneText = zoneColumn === undefined ? '' : (fields[zoneColumn] ?? '').trim();
    let timeZones: readonly string[] | undefined;
    if (zoneText !== '') {
      if (!isValidTimeZone(zoneText)) {
        problems.push({
          line,
          code: 'BAD_TIME_ZONE',
          message: `Line ${line}: "${zoneText}" is not an IANA time zone (e.g. Asia/Seoul).`,
        });
        continue;
      }
      timeZones = [zoneText];
    } else {
      timeZones = regionTimeZones(numberRegion);
      if (timeZones === undefined) {
        problems.push({
          line,
          code: 'NO_TIME_ZONE',
          message: `Line ${line}: no time zone is known for region ${numberRegion}; add a "tz" column.`,
        });
        continue;
      }
    }
    firstLineOf.set(phone, line);
    const variables: Record<string, string> = {};
    for (const [column, name] of variableNames) variables[name] = fields[column] ?? '';
    contacts.push({ line, phone, region: numberRegion, timeZones: [...timeZones], variables });
  }
  return {
    ok: true,
    list: {
      encoding: decoded.encoding,
      encodingDetected: decoded.detected,
      columns,
      phoneColumn,
      ignoredColumns,
      contacts,
      problems,
    },
  };
}

type Table =
  | { ok: true; columns: string[]; rows: { line: number; fields: Record<string, string> }[] }
  | { ok: false; refusal: ListRefusal };

function readTable(text: string, format: 'csv' | 'json' | 'auto'): Table {
  const json = format === 'json' || (format === 'auto' && /^\s*[[{]/.test(text));
  return json ? readJson(text) : readCsv(text);
}

function readCsv(text: string): Table {
  let records: CsvRecord[];
  try {
    // With `info`, csv-parse returns { record, info } per row, which its types do not model: check the shape.
    const parsed: unknown[] = parseCsv(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
    });
    records = parsed.filter(isCsvRecord);
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return {
      ok: false,
      refusal: {
        code: 'BAD_FORMAT',
        message: `The CSV cannot be read${line ? ` at line ${line}` : ''}: ${(error as Error).message}`,
        ...(line ? { line } : {}),
      },
    };
  }
  const [header, ...body] = records;
  if (!header)
    return {
      ok: false,
      refusal: { code: 'EMPTY_LIST', message: 'The file is empty; upload a CSV with a header line and rows.' },
    };
  const columns = header.record.map((c) => c.trim());
  const rows = body.map(({ record, info }) => {
    const fields: Record<string, string> = {};
    columns.forEach((column, index) => (fields[column] = record[index] ?? ''));
    // info.lines is the line the record ends on; quoted newlines aside, that is the row's line.
    return { line: info.lines, fields };
  });
  return { ok: true, columns, rows };
}

function readJson(text: string): Table {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      refusal: { code: 'BAD_FORMAT', message: `The JSON cannot be read: ${(error as Error).message}` },
    };
  }
  const items = Array.isArray(value)
    ? value
    : isRecord(value) && Array.isArray(value['contacts'])
      ? value['contacts']
      : undefined;
  if (!items)
    return {
      ok: false,
      refusal: { code: 'BAD_FORMAT', message: 'JSON lists are an array of objects (or { "contacts": [...] }).' },
    };
  const columns: string[] = [];
  const rows = items.map((item: unknown, index: number) => {
    const fields: Record<string, string> = {};
    if (isRecord(item))
      for (const [key, field] of Object.entries(item)) {
        if (!columns.includes(key)) columns.push(key);
        fields[key] =
          field === null || field === undefined
            ? ''
            : typeof field === 'object'
              ? JSON.stringify(field)
              : String(field);
      }
    return { line: index + 1, fields };
  });
  return { ok: true, columns, rows };
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function isCsvRecord(value: unknown): value is CsvRecord {
  return (
    isRecord(value) &&
    Array.isArray(value['record']) &&
    isRecord(value['info']) &&
    typeof value['info']['lines'] === 'number'
  );
}

function findColumn(columns: string[], names: string[]): string | undefined {
  return columns.find((column) => names.includes(column.trim().toLowerCase()));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(code: ListRefusal['code'], message: string, line?: number): { ok: false; refusal: ListRefusal } {
  return { ok: false, refusal: { code, message, ...(line === undefined ? {} : { line }) } };
}
