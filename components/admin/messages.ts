type Messages = Record<string, unknown>;

const pick = (messages: Messages, namespaces: string[]) => Object.fromEntries(namespaces.map((n) => [n, messages[n]]));
/** One part of a large namespace (e.g. only the denominations of "indicators"). */
const part = (messages: Messages, namespace: string, key: string) => ({ [namespace]: { [key]: (messages[namespace] as Messages | undefined)?.[key] } });

// The catalogue parts the client forms of board administration need: they are
// sent to the browser, so only these.
export const schoolFormMessages = (messages: Messages) => ({
  ...pick(messages, ["schoolAdmin", "schoolErrors", "errors", "tracks"]),
  ...part(messages, "indicators", "denominations"),
});
export const calendarFormMessages = (messages: Messages) => ({
  ...pick(messages, ["calendarAdmin", "calendarErrors", "errors"]),
  ...part(messages, "attendance", "holidays"),
});
export const staffFormMessages = (messages: Messages) => pick(messages, ["staffAdmin", "staffErrors", "errors", "roles"]);
export const retentionFormMessages = (messages: Messages) => pick(messages, ["retentionAdmin", "retentionErrors", "errors"]);
