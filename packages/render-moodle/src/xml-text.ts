// The one place that writes text into Moodle XML: escaped character data
// for names and plain values, CDATA for HTML (as Moodle's own export does).

// Characters XML 1.0 cannot hold at all, even escaped: a control character
// in author text would make the whole file unreadable, so it becomes U+FFFD.
const NOT_XML =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as XML (and HTML) character data or a quoted attribute value. */
export function escapeXml(value: string): string {
  return value.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/** HTML in a CDATA section; a `]]>` in it is split across two sections. */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(NOT_XML, '\ufffd').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}
