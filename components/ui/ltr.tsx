// Left-to-right values inside text of either direction (issue 18). In an
// Arabic page a phone number with spaces ("055-958 26 73"), an e-mail or web
// address, a class code ("2B"), a lesson range ("3–5"), a postcode or a time
// range is reordered by the bidirectional algorithm unless it is isolated:
// "055-958 26 73" would show as "73 26 958-055". An element with a `dir`
// attribute is an isolate (HTML's own style sheet). For plain-text messages
// use lib/i18n/bidi.ts. No client JavaScript: usable on server and client.

type Props = { children: React.ReactNode; className?: string };

/** A value that reads left to right, isolated from the text around it. */
export function Ltr({ children, className }: Props) {
  return <bdi dir="ltr" className={className}>{children}</bdi>;
}

/** The dialable form of a phone number as written: digits and a leading plus. */
export const telHref = (phone: string) => `tel:${phone.replace(/[^+\d]/g, "")}`;

/** A phone number as a link: left to right in every language, never broken over two lines. */
export function PhoneLink({ phone, className }: { phone: string; className?: string }) {
  return (
    <a href={telHref(phone)} dir="ltr" className={`whitespace-nowrap ${className ?? ""}`.trim()}>
      {phone}
    </a>
  );
}
