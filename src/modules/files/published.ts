/** What the files module lets other modules call inside their own transaction: moving files to a new owner. */
export { moveFiles } from './repo.ts';
