// Export, import and reset of the learner's progress.
