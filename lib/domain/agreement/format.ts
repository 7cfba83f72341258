// The school's own formatting for the agreement and the policy (decision 0036):
// a small subset of Markdown, parsed into plain data and rendered by React as
// text nodes. Nothing here ever becomes HTML, so "<script>" stays the visible
// text "<script>": there is no raw-HTML path to escape from.
//
//   # Heading            ## Smaller heading
//   - item / * item      1. numbered item
//   **bold**             a blank line starts a new paragraph

export type Inline = { text: string; bold: boolean };
export type Block =
  | { type: "heading"; level: 1 | 2; content: Inline[] }
  | { type: "paragraph"; lines: Inline[][] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,2})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;

/** **bold** spans; a lone "**" stays as typed. */
export function parseInline(line: string): Inline[] {
  const parts: Inline[] = [];
  let rest = line;
  while (rest.length) {
    const open = rest.indexOf("**");
    const close = open < 0 ? -1 : rest.indexOf("**", open + 2);
    if (open < 0 || close < 0 || close === open + 2) {
      parts.push({ text: rest, bold: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), bold: false });
    parts.push({ text: rest.slice(open + 2, close), bold: true });
    rest = rest.slice(close + 2);
  }
  return parts;
}

/** The text as blocks. Lines of a paragraph keep their line breaks. */
export function parseSchoolText(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: { ordered: boolean; items: Inline[][] } | null = null;
  const close = () => {
    if (paragraph) blocks.push({ type: "paragraph", lines: paragraph });
    if (list) blocks.push({ type: "list", ...list });
    paragraph = null;
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    if (!line) {
      close();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ type: "heading", level: heading[1].length === 1 ? 1 : 2, content: parseInline(heading[2]) });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = !!numbered;
      if (paragraph || (list && list.ordered !== ordered)) close();
      list ??= { ordered, items: [] };
      list.items.push(parseInline((bullet ?? numbered)![1]));
      continue;
    }
    if (list) close();
    paragraph ??= [];
    paragraph.push(parseInline(line));
  }
  close();
  return blocks;
}
