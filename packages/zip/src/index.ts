export { writeZip, type ZipEntry } from './zip-writer.js';
