// `npm run quizmark -- …` (and `pnpm quizmark …`) run this in the repository
// root, but a user's paths are relative to the folder they typed the command
// in, which npm and pnpm pass as INIT_CWD. Only this script honours it: the
// CLI itself keeps its working folder, as a project's own scripts expect.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: set by npm for this script, not a turbo task input
const invokedIn = process.env.INIT_CWD;
if (invokedIn) process.chdir(invokedIn);
await import(new URL('../packages/cli/dist/bin.js', import.meta.url).href);
