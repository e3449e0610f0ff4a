// The one escape helper of this package: every piece of text or attribute
// value that reaches a QTI file goes through `escapeXml`.

// Characters XML 1.0 cannot hold at all, even as references: C0 controls but
// tab, newline and return; lone surrogates; U+FFFE and U+FFFF.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text or an attribute value as XML: markup characters escaped, characters XML cannot hold dropped. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export type Attributes = Readonly<Record<string, string | number | boolean | null | undefined>>;

/** Attributes in the order given; null and undefined ones are left out. */
export function attributesXml(attributes: Attributes): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    out += ` ${name}="${escapeXml(String(value))}"`;
  }
  return out;
}

/** An element; `content` is markup already (escape text with `escapeXml`), none makes it empty. */
export function element(name: string, attributes: Attributes = {}, content?: string): string {
  const open = `${name}${attributesXml(attributes)}`;
  return content === undefined ? `<${open}/>` : `<${open}>${content}</${name}>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
