import { slugify } from '@quizmark/parser/names';

/** The exam's default id: `midterm.exam.yaml` → `midterm`. */
export function examIdOf(file: string): string {
  const name = file.slice(file.lastIndexOf('/') + 1).replace(/\.exam\.ya?ml$|\.ya?ml$/i, '');
  return slugify(name) || 'exam';
}
