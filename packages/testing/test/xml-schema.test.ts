import { describe, expect, it } from 'vitest';
import {
  IMS_CP_SCHEMA,
  QTI_ITEM_SCHEMA,
  systemTool,
  xmlSchemaErrors,
  xmlWellFormedErrors,
} from '../src/index.js';

const xmllint = systemTool('xmllint', 'libxml2-utils');

const item = (interaction: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" title="t" adaptive="false" timeDependent="false">
<responseDeclaration identifier="RESPONSE" cardinality="single" baseType="identifier"/>
<itemBody>${interaction}</itemBody>
</assessmentItem>`;

describe.skipIf(!xmllint.available)('the vendored IMS schemas, through xmllint', () => {
  it('should pass a valid QTI item and name the file and the element of an invalid one', () => {
    const choice =
      '<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="1"><simpleChoice identifier="A">a</simpleChoice></choiceInteraction>';
    expect(xmlSchemaErrors([{ name: 'good.xml', text: item(choice) }], QTI_ITEM_SCHEMA)).toBeNull();
    const errors = xmlSchemaErrors(
      [
        { name: 'good.xml', text: item(choice) },
        { name: 'bad.xml', text: item('<blink>no</blink>') },
      ],
      QTI_ITEM_SCHEMA,
    );
    expect(errors).toMatch(/1-bad\.xml:\d+: .*blink/);
    expect(errors).not.toMatch(/good\.xml:\d+/);
  });

  it('should refuse a manifest without its organizations and resources', () => {
    const manifest =
      '<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" identifier="m"></manifest>';
    expect(xmlSchemaErrors([{ name: 'imsmanifest.xml', text: manifest }], IMS_CP_SCHEMA)).toMatch(
      /Missing child element/,
    );
  });

  it('should tell well-formed XML from broken XML', () => {
    expect(xmlWellFormedErrors('<a><b/></a>')).toBeNull();
    expect(xmlWellFormedErrors('<a><b></a>')).toMatch(/mismatch/i);
  });
});
