// Helpers on names and ids that other front ends (exam files) share, apart
// from the parser so that using them does not load remark.
export { didYouMean } from './did-you-mean.js';
export { slugify } from './slug.js';
