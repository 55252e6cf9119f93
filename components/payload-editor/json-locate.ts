/**
 * Where each value of a JSON text is, by the dotted path the engine's payload problems use
 * (`"title"`, `"items.0.text"`, `""` for the root), so a problem found on the parsed value can
 * be marked on the text. For text that `JSON.parse` accepts; a duplicate key's last occurrence
 * wins, as it does in the parsed value.
 */
export interface TextRange {
  /** Offset of the value's first character. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
}

export function locateJsonValues(text: string): Map<string, TextRange> {
  const found = new Map<string, TextRange>();
  let i = 0;

  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };

  const string = (): string => {
    const start = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++; // closing quote
    return JSON.parse(text.slice(start, i)) as string;
  };

  const value = (path: string): void => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") i++;
      else {
        for (;;) {
          ws();
          const key = string();
          ws();
          i++; // colon
          value(path === "" ? key : `${path}.${key}`);
          ws();
          if (text[i] === ",") i++;
          else {
            i++; // closing brace
            break;
          }
        }
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") i++;
      else {
        for (let index = 0; ; index++) {
          value(path === "" ? String(index) : `${path}.${index}`);
          ws();
          if (text[i] === ",") i++;
          else {
            i++; // closing bracket
            break;
          }
        }
      }
    } else if (c === '"') {
      string();
    } else {
      // number, true, false, null
      while (i < text.length && !",]} \n\r\t".includes(text[i])) i++;
    }
    found.set(path, { start, end: i });
  };

  try {
    JSON.parse(text);
  } catch {
    return found;
  }
  value("");
  return found;
}

/** 1-based line and column of an offset, as Monaco counts them. */
export function positionAt(text: string, offset: number): { lineNumber: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { lineNumber: line, column: offset - lineStart + 1 };
}
