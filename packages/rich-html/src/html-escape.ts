// The character references hast-util-to-html writes with its default
// settings (hexadecimal, upper case), so that text serialised here is
// byte for byte what the hast path gives.

const reference = (character: string) =>
  `&#x${character.charCodeAt(0).toString(16).toUpperCase()};`;

/** Text content: `<` and `&` escaped. */
export function escapeHtmlText(value: string): string {
  return value.replace(/[<&]/g, reference);
}

/** A double-quoted attribute value: `"`, `&`, `'` and `` ` `` escaped. */
export function escapeHtmlAttribute(value: string): string {
  return value.replace(/["&'`]/g, reference);
}
