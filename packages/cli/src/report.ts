// The report is the pipeline's, so library users print diagnostics the same way.
export { formatDiagnostics, shown, shownLines, summarize } from '@quizmark/pipeline';
