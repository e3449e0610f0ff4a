/** `Multiple choice!` → `multiple-choice`: lower-case ASCII letters and digits joined by single hyphens. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The exam's default id: `midterm.exam.yaml` → `midterm`. */
export function examIdOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.exam\.ya?ml$|\.ya?ml$/i, '');
  return slugify(name) || 'exam';
}
