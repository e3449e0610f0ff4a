/** Exit code of a build stopped by Ctrl-C (128 + SIGINT, as shells report it). */
export const INTERRUPTED = 130;
