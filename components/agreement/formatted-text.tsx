import { parseSchoolText, type Inline } from "@/lib/domain/agreement/format";

type Props = {
  text: string;
  /** The language the text is written in (the school's Dutch when no translation exists). */
  lang: string;
  /** Heading level of the text's "#" lines (the page around it decides). */
  headingLevel?: 2 | 3;
};

function Spans({ content }: { content: Inline[] }) {
  return content.map((part, i) => (part.bold ? <strong key={i}>{part.text}</strong> : <span key={i}>{part.text}</span>));
}

/**
 * A school text in its small formatting subset (decision 0036). Only React
 * elements and text: no dangerouslySetInnerHTML, so no markup in the text runs.
 */
export function FormattedText({ text, lang, headingLevel = 3 }: Props) {
  const blocks = parseSchoolText(text);
  return (
    <div lang={lang} dir="auto" className="space-y-3">
      {blocks.map((block, i) => {
        if (block.type === "heading") {
          const Tag = (block.level === 1 ? `h${headingLevel}` : `h${headingLevel + 1}`) as "h3";
          return <Tag key={i} className={block.level === 1 ? "text-lg font-semibold" : "font-semibold"}><Spans content={block.content} /></Tag>;
        }
        if (block.type === "list") {
          const List = block.ordered ? "ol" : "ul";
          return (
            <List key={i} className={`${block.ordered ? "list-decimal" : "list-disc"} space-y-1 ps-6`}>
              {block.items.map((item, j) => <li key={j}><Spans content={item} /></li>)}
            </List>
          );
        }
        return (
          <p key={i}>
            {block.lines.map((line, j) => (
              <span key={j}>{j > 0 ? <br /> : null}<Spans content={line} /></span>
            ))}
          </p>
        );
      })}
    </div>
  );
}
