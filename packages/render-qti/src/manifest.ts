import { element, XML_DECLARATION } from './xml-text.js';

const CP_NS = 'http://www.imsglobal.org/xsd/imscp_v1p1';

/** One resource of the package: a QTI file and the files it shows. */
export interface ManifestResource {
  identifier: string;
  type: 'imsqti_item_xmlv2p1' | 'imsqti_test_xmlv2p1';
  href: string;
  /** Package paths of the images the file shows. */
  files: readonly string[];
  dependencies: readonly string[];
}

/** The IMS Content Packaging 1.1 manifest listing every resource and file of the package. */
export function manifestXml(identifier: string, resources: readonly ManifestResource[]): string {
  const resourceXml = (resource: ManifestResource) =>
    element(
      'resource',
      { identifier: resource.identifier, type: resource.type, href: resource.href },
      [resource.href, ...resource.files].map((href) => element('file', { href })).join('') +
        resource.dependencies.map((ref) => element('dependency', { identifierref: ref })).join(''),
    );
  return (
    XML_DECLARATION +
    element(
      'manifest',
      {
        xmlns: CP_NS,
        'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
        'xsi:schemaLocation': `${CP_NS} http://www.imsglobal.org/xsd/imscp_v1p1.xsd`,
        identifier,
      },
      element(
        'metadata',
        {},
        element('schema', {}, 'QTIv2.1 Package') + element('schemaversion', {}, '1.0.0'),
      ) +
        element('organizations') +
        element('resources', {}, resources.map(resourceXml).join('')),
    ) +
    '\n'
  );
}
