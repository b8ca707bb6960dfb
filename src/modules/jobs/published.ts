/** What the jobs module lets other modules read directly: the job figures of the administrator's home card. */
export { jobFigures } from './repo.ts';
